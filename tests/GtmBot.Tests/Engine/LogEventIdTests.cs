using System.Reflection;
using Microsoft.Extensions.Logging;

namespace GtmBot.Tests.Engine;

/// <summary>Event ids are stable and unique across every project, so a log query by id finds one kind of line.</summary>
public class LogEventIdTests
{
    private static readonly string[] Projects = ["GtmBot.Engine", "GtmBot.Slack", "GtmBot.Teams", "GtmBot.Storage", "GtmBot.Host"];

    [Fact]
    public void Every_event_id_is_used_once_across_the_projects()
    {
        var ids = Projects
            .Select(Assembly.Load)
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.EventId, Name: $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}"))
            .ToList();

        Assert.True(ids.Count > 40, $"only {ids.Count} log methods found");
        var duplicates = ids.GroupBy(x => x.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Name))}").ToList();
        Assert.True(duplicates.Count == 0, string.Join("; ", duplicates));
    }

    [Fact]
    public void Each_project_logs_through_one_log_class()
    {
        foreach (var project in Projects)
        {
            var owners = Assembly.Load(project).GetTypes()
                .Where(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Any(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null))
                .Select(t => t.FullName)
                .ToList();
            Assert.True(owners.Count <= 1, $"{project}: {string.Join(", ", owners)}");
        }
    }
}
