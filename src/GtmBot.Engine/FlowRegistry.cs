namespace GtmBot.Engine;

/// <summary>The table of flows by id and by command word. Built once at startup; duplicates are a programming error.</summary>
public sealed class FlowRegistry
{
    private readonly Dictionary<string, IFlow> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IFlow> _byCommand = new(StringComparer.OrdinalIgnoreCase);

    public FlowRegistry(IEnumerable<IFlow> flows)
    {
        foreach (var flow in flows)
        {
            if (!_byId.TryAdd(flow.Id, flow))
            {
                throw new InvalidOperationException($"Two flows share the id '{flow.Id}'.");
            }

            foreach (var command in flow.Commands)
            {
                if (ReservedCommands.Contains(command) || !_byCommand.TryAdd(command, flow))
                {
                    throw new InvalidOperationException($"The command '{command}' of flow '{flow.Id}' is already taken.");
                }
            }
        }

        Flows = [.. _byId.Values];
    }

    /// <summary>Command words the engine answers itself.</summary>
    public static IReadOnlySet<string> ReservedCommands { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "help", "帮助", "lang", "语言" };

    /// <summary>Flows in registration order.</summary>
    public IReadOnlyList<IFlow> Flows { get; }

    public IFlow? ForCommand(string command) => _byCommand.GetValueOrDefault(command);

    /// <summary>The flow owning an action id <c>{flowId}.{verb}</c>.</summary>
    public IFlow? ForAction(string actionId)
    {
        var dot = actionId.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? _byId.GetValueOrDefault(actionId[..dot]) : null;
    }
}
