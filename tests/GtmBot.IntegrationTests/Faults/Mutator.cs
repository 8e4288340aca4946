using System.Text.Json.Nodes;

namespace GtmBot.IntegrationTests.Faults;

/// <summary>
/// Deterministic structural mutations of a JSON payload: values replaced by null, wrong types, empty or huge strings,
/// arrays of nulls, deep nesting; keys dropped. The same seed gives the same sequence.
/// </summary>
internal sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    /// <summary>One to four mutations of a copy of <paramref name="seedPayload"/>.</summary>
    public JsonNode? Mutate(JsonNode seedPayload)
    {
        var root = seedPayload.DeepClone();
        var times = 1 + _random.Next(4);
        for (var i = 0; i < times; i++)
        {
            var nodes = Walk(root).ToList();
            var (parent, key, _) = nodes[_random.Next(nodes.Count)];
            if (parent is null)
            {
                continue;
            }

            var choice = _random.Next(14);
            if (choice == 13)
            {
                Remove(parent, key);
                continue;
            }

            var replacement = choice switch
            {
                0 => null,
                1 => JsonValue.Create(_random.Next(-5, 5)),
                2 => JsonValue.Create(string.Empty),
                3 => JsonValue.Create(new string('x', 10_000 + _random.Next(200_000))),
                4 => new JsonArray(null, null),
                5 => new JsonObject(),
                6 => JsonValue.Create(true),
                7 => JsonValue.Create("<!channel> *bold* <https://evil.example|x> \u202e\u0000 ✓ 引用"),
                8 => Nest(50 + _random.Next(100)),
                9 => JsonValue.Create(1e308),
                10 => new JsonArray(JsonValue.Create("a"), new JsonObject { ["x"] = null }),
                11 => JsonValue.Create("{\"not\":\"closed"),
                _ => JsonValue.Create(long.MaxValue),
            };

            Set(parent, key, replacement);
        }

        return root;
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (parent is JsonObject o)
        {
            o.Remove((string)key);
        }
        else if (parent is JsonArray a && (int)key < a.Count)
        {
            a.RemoveAt((int)key);
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o && o.ContainsKey((string)key))
        {
            o[(string)key] = value;
        }
        else if (parent is JsonArray a && (int)key < a.Count)
        {
            a[(int)key] = value;
        }
    }

    private static IEnumerable<(JsonNode? Parent, object Key, JsonNode? Node)> Walk(JsonNode? node, JsonNode? parent = null, object? key = null)
    {
        yield return (parent, key ?? string.Empty, node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    foreach (var x in Walk(v, o, k))
                    {
                        yield return x;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var x in Walk(a[i], a, i))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }
}
