namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>The repository's <c>Dockerfile</c> as its stages, each a list of instructions with continuation lines joined.</summary>
public sealed class Dockerfile
{
    private readonly List<DockerStage> _stages;

    private Dockerfile(List<DockerStage> stages) => _stages = stages;

    public IReadOnlyList<DockerStage> Stages => _stages;

    public static Dockerfile Load()
    {
        var stages = new List<DockerStage>();
        var pending = "";
        foreach (var raw in File.ReadLines(ComposeFile.RepositoryFile("Dockerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var instruction = (pending + line).Trim();
            pending = "";
            if (instruction.Length == 0)
            {
                continue;
            }

            var (keyword, arguments) = (instruction.Split(' ', 2)[0].ToUpperInvariant(), instruction.Split(' ', 2).ElementAtOrDefault(1)?.Trim() ?? "");
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : ""));
            }
            else
            {
                (stages.LastOrDefault() ?? throw new InvalidOperationException($"Dockerfile: '{keyword}' before the first FROM")).Add(keyword, arguments);
            }
        }

        return new Dockerfile(stages);
    }

    public DockerStage Stage(string name) =>
        _stages.SingleOrDefault(stage => stage.Name == name) ?? throw new Xunit.Sdk.XunitException($"The Dockerfile has no stage '{name}'");
}
