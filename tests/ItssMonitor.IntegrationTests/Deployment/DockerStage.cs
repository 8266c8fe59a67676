namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>One <c>FROM … AS name</c> stage of a Dockerfile and its instructions in order.</summary>
public sealed class DockerStage(string image, string name)
{
    private readonly List<(string Keyword, string Arguments)> _instructions = [];

    public string Image { get; } = image;

    public string Name { get; } = name;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions => _instructions;

    /// <summary>The arguments of the stage's last instruction with this keyword (the one that counts), or empty.</summary>
    public string Instruction(string keyword) => _instructions.LastOrDefault(instruction => instruction.Keyword == keyword).Arguments ?? "";

    public void Add(string keyword, string arguments) => _instructions.Add((keyword, arguments));
}
