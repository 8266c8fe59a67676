using ItssMonitor.Collectors.Scheduling;

namespace ItssMonitor.UnitTests.Scheduling;

public sealed class RendezvousAssignmentTests
{
    private static readonly IReadOnlyList<(string Service, string Check)> Checks =
        [.. Enumerable.Range(0, 3000).Select(i => ($"service {i / 3}", $"check {i % 3}"))];

    [Fact]
    public void Spreads_checks_evenly_over_the_nodes()
    {
        string[] nodes = ["node-a-1f3e", "node-b-77c0", "node-c-0a9d"];
        var counts = Checks.GroupBy(check => RendezvousAssignment.OwnerOf(nodes, check.Service, check.Check)).ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(nodes.Order(), counts.Keys.Order());
        // 1000 each on average; a fair hash stays well within ±10 % at this size.
        Assert.All(counts.Values, count => Assert.InRange(count, 900, 1100));
    }

    [Fact]
    public void When_a_node_leaves_only_its_checks_move_and_they_spread_over_the_others()
    {
        string[] before = ["a", "b", "c", "d"];
        string[] after = ["a", "b", "d"];
        var moved = new Dictionary<string, int>();
        foreach (var (service, check) in Checks)
        {
            var was = RendezvousAssignment.OwnerOf(before, service, check);
            var now = RendezvousAssignment.OwnerOf(after, service, check);
            if (was != "c")
            {
                Assert.Equal(was, now);
            }
            else
            {
                moved[now] = moved.GetValueOrDefault(now) + 1;
            }
        }

        Assert.Equal(["a", "b", "d"], moved.Keys.Order());
        Assert.All(moved.Values, count => Assert.InRange(count, 150, 350));
    }

    [Fact]
    public void The_owner_does_not_depend_on_the_order_the_nodes_are_listed_in()
    {
        string[] nodes = ["x", "y", "z"];
        string[] reversed = ["z", "y", "x"];
        Assert.All(Checks.Take(300), check => Assert.Equal(
            RendezvousAssignment.OwnerOf(nodes, check.Service, check.Check),
            RendezvousAssignment.OwnerOf(reversed, check.Service, check.Check)));
    }

    [Fact]
    public void Is_the_same_in_every_process()
    {
        // Fixed expectations (worked out by hand from FNV-1a and MurmurHash3's finaliser): a hash that changed between
        // processes or versions would make nodes disagree on owners.
        string[] nodes = ["node-1", "node-2", "node-3"];
        Assert.Equal(
            ["node-2", "node-3", "node-2", "node-1"],
            new[] { ("Payments", "api"), ("Payments", "db"), ("Ledger", "api"), ("Ledger", "db") }.Select(check => RendezvousAssignment.OwnerOf(nodes, check.Item1, check.Item2)));
    }

    [Fact]
    public void A_single_node_owns_everything_and_no_node_is_an_error()
    {
        Assert.All(Checks.Take(100), check => Assert.Equal("only", RendezvousAssignment.OwnerOf(["only"], check.Service, check.Check)));
        Assert.Throws<ArgumentException>(() => RendezvousAssignment.OwnerOf([], "S", "c"));
    }
}
