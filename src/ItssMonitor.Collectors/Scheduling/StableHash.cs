using System.Text;

namespace ItssMonitor.Collectors.Scheduling;

/// <summary>
/// A 64-bit hash of text that is the same in every process and on every node (unlike <see cref="string.GetHashCode()"/>,
/// which .NET randomises per process): FNV-1a over UTF-8, with a final mix so that names differing in one character
/// land far apart.
/// </summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary><see cref="Of"/> followed by MurmurHash3's 64-bit finaliser, for uses that compare hashes rather than reduce them modulo a number.</summary>
    public static ulong Mixed(string text)
    {
        var hash = Of(text);
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
