using System.Text.Json;
using ItssMonitor.Core.Notifications;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>Slack and Teams incoming-webhook payloads, as a real receiver gets them.</summary>
[Collection(NotificationCollection.Name)]
public sealed class ChatNotificationTests
{
    [Fact]
    public async Task Slack_and_Teams_get_their_own_payload_shapes_with_headline_facts_and_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var plan = new NotificationPlan(
            [
                new NotificationChannel("ops-slack", NotificationChannelKind.Slack) { Url = receiver.UrlFor("slack") },
                new NotificationChannel("ops-teams", NotificationChannelKind.Teams) { Url = receiver.UrlFor("teams") },
            ],
            [WebhookNotificationTests.Route("ops-slack", "ops-teams")]);
        await using var host = await NotificationHost.StartAsync(plan);

        var alert = await host.FireAsync(NotificationHost.ServiceDown());

        var link = $"https://noc.example/monitor/incidents?alert={alert.Fingerprint.Id}";
        var slack = Assert.Single(await receiver.WaitForAcceptedAsync("slack", 1)).Json();
        Assert.Equal($":red_circle: [CRITICAL] Ledger: service down <{link}|Open incident>", slack.GetProperty("text").GetString());
        var blocks = slack.GetProperty("blocks");
        Assert.Equal("*:red_circle: [CRITICAL] Ledger: service down*", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("text").GetString()).ToArray();
        Assert.Contains("*Service*\nLedger", fields);
        Assert.Contains("*Severity*\ncritical", fields);
        Assert.Equal(link, blocks[2].GetProperty("elements")[0].GetProperty("url").GetString());

        var teams = Assert.Single(await receiver.WaitForAcceptedAsync("teams", 1)).Json();
        Assert.Equal("message", teams.GetProperty("type").GetString());
        var attachment = Assert.Single(teams.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.4"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        Assert.Equal("[CRITICAL] Ledger: service down", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("Attention", card.GetProperty("body")[0].GetProperty("color").GetString());
        var facts = card.GetProperty("body")[1].GetProperty("facts").EnumerateArray()
            .ToDictionary(fact => fact.GetProperty("title").GetString()!, fact => fact.GetProperty("value").GetString());
        Assert.Equal(("Ledger", "api", "connection refused"), (facts["Service"], facts["Check"], facts["last error"]));
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Action.OpenUrl", link), (action.GetProperty("type").GetString(), action.GetProperty("url").GetString()));
    }
}
