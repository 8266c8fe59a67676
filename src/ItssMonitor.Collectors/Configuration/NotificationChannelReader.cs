using System.Net.Mail;
using ItssMonitor.Core.Notifications;
using YamlDotNet.RepresentationModel;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>Reads one entry of <c>notifications.channels</c>: which keys each kind takes, and what each kind needs.</summary>
internal static class NotificationChannelReader
{
    private static readonly string[] CommonKeys = ["name", "kind"];

    private static readonly Dictionary<NotificationChannelKind, string[]> KindKeys = new()
    {
        [NotificationChannelKind.Webhook] = ["url", "secret"],
        [NotificationChannelKind.Slack] = ["url"],
        [NotificationChannelKind.Teams] = ["url"],
        [NotificationChannelKind.Email] = ["to"],
    };

    private static readonly string[] AllKeys = [.. CommonKeys, .. KindKeys.Values.SelectMany(keys => keys).Distinct()];
    private static readonly string[] KindWords = [.. KindKeys.Keys.Select(Word)];

    /// <param name="names">The channel names taken so far.</param>
    public static NotificationChannel? Read(YamlNode node, string path, ParseErrors errors, UniqueNames names)
    {
        if (MappingFields.Read(node, path, errors) is not { } fields)
        {
            return null;
        }

        var kind = ReadKind(fields);
        var owner = kind is { } known ? $"{(known == NotificationChannelKind.Email ? "an" : "a")} {Word(known)} channel" : null;
        fields.RejectUnknownKeys(kind is { } k ? [.. CommonKeys, .. KindKeys[k]] : AllKeys, AllKeys, owner);
        fields.Require("name", "required: the channel's name, unique in the file, as routes refer to it");
        var name = fields.Name("name");
        names.Claim(name, fields, "name");
        if (kind is not { } channelKind || owner is null)
        {
            return null;
        }

        var channel = channelKind == NotificationChannelKind.Email ? ReadEmail(fields, errors, owner) : ReadWebhook(fields, owner, channelKind);
        return name is null || channel is null ? null : channel with { Name = name, Kind = channelKind };
    }

    private static string Word(NotificationChannelKind kind) => kind.ToString().ToLowerInvariant();

    private static NotificationChannelKind? ReadKind(MappingFields fields)
    {
        var expected = $"expected one of: {YamlValueText.List(KindWords)}";
        fields.Require("kind", $"required; {expected}");
        if (fields.Text("kind") is not { } text)
        {
            return null;
        }

        var index = Array.IndexOf(KindWords, text.ToLowerInvariant());
        if (index < 0)
        {
            fields.Invalid("kind", $"unknown kind {YamlValueText.Quote(text)}{Suggestion.DidYouMean(text, KindWords)}; {expected}");
            return null;
        }

        return KindKeys.Keys.ElementAt(index);
    }

    private static NotificationChannel? ReadWebhook(MappingFields fields, string owner, NotificationChannelKind kind)
    {
        fields.Require("url", $"required for {owner}: the absolute http:// or https:// URL to post to");
        var url = fields.HttpUrl("url");

        // Only a webhook takes a secret; on the other kinds the key is already reported as not applying.
        var secret = fields.Text("secret");
        if (secret is "")
        {
            fields.Invalid("secret", "must not be empty; leave the key out for unsigned deliveries");
        }

        return url is null || secret is "" ? null : new NotificationChannel("", kind) { Url = url, Secret = secret };
    }

    private static NotificationChannel? ReadEmail(MappingFields fields, ParseErrors errors, string owner)
    {
        fields.Require("to", $"required for {owner}: the addresses to send to, e.g. [\"oncall@example.com\"]");
        if (fields.Names("to", acceptSingle: true) is not { } addresses)
        {
            return null;
        }

        if (addresses.Count == 0)
        {
            fields.Invalid("to", "must name at least one address");
            return null;
        }

        var valid = true;
        foreach (var address in addresses)
        {
            // A display name ("Ops <ops@example.com>") would parse too, but the field holds addresses only.
            if (!MailAddress.TryCreate(address.Name, out var parsed) || parsed.Address != address.Name)
            {
                errors.Add(address.Node, address.Path, $"expected an e-mail address such as oncall@example.com, got {YamlValueText.Quote(address.Name)}");
                valid = false;
            }
        }

        return valid ? new NotificationChannel("", NotificationChannelKind.Email) { To = [.. addresses.Select(address => address.Name)] } : null;
    }
}
