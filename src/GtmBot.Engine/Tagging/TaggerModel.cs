using System.Security.Cryptography;
using System.Text;

namespace GtmBot.Engine.Tagging;

/// <summary>One tag's head of the trained model: bias, Platt calibration, decision threshold and confidence line.</summary>
/// <param name="Tag">The tag (<see cref="QuoteTags.All"/>, in that order).</param>
/// <param name="Bias">Added to the weighted sum.</param>
/// <param name="Slope">Platt calibration: probability = 1 / (1 + exp(Slope · score + Offset)).</param>
/// <param name="Offset">See <paramref name="Slope"/>.</param>
/// <param name="Threshold">The tag is given from this probability (chosen by cross-validation on the training split for F1).</param>
/// <param name="Confident">From this probability the tag is asserted; between <paramref name="Threshold"/> and this it is shown as suggested.</param>
public sealed record TagHead(string Tag, float Bias, float Slope, float Offset, float Threshold, float Confident);

/// <summary>The model file could not be read: it names the file and how to rebuild it.</summary>
public sealed class TaggerModelException(string path, string problem)
    : Exception($"The quote tagger's model file '{path}' {problem}. Rebuild it from the corpus with: {TaggerModel.RebuildCommand}")
{
    public string Path { get; } = path;
}

/// <summary>
/// The trained quote tagger's weights: one calibrated logistic regression per tag and a multinomial one for the motive, over
/// <see cref="QuoteFeatures"/>. Trained by tools/GtmBot.Training (ML.NET), read here with plain code and scored with sparse
/// dot products, so the bot never loads ML.NET. Weights are kept interleaved (all outputs of one feature together), so one
/// feature costs one cache line.
/// </summary>
/// <remarks>
/// File layout (little-endian): "GTMTAG" + version byte; feature kinds, dimension bits; per tag name, bias, slope, offset,
/// threshold, confidence; per motive class name and bias; a description; the number of non-zero features, then for each its
/// index and <see cref="Outputs"/> weights; finally the SHA-256 of everything before it.
/// </remarks>
public sealed class TaggerModel
{
    /// <summary>The model shipped in the repo, relative to the repo root.</summary>
    public const string RepoPath = "data/model/tagger.bin";

    /// <summary>Where the build copies it, relative to the app's base directory.</summary>
    public const string OutputPath = "model/tagger.bin";

    /// <summary>The one command that rebuilds <see cref="RepoPath"/> from the corpus.</summary>
    public const string RebuildCommand = "dotnet run -c Release --project tools/GtmBot.Training -- train";

    /// <summary>Motive classes in the order of the model's motive outputs.</summary>
    public static readonly IReadOnlyList<Motive> MotiveOrder = [Motive.Need, Motive.Want, Motive.Unclear];

    private static readonly byte[] Magic = "GTMTAG"u8.ToArray();
    private const byte Version = 1;

    /// <summary>A model file larger than this is refused (the shipped one is a few MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private readonly float[] _weights;

    public TaggerModel(FeatureKinds kinds, IReadOnlyList<TagHead> heads, IReadOnlyList<float> motiveBias, float[] weights, string description)
    {
        if (heads.Count != QuoteTags.All.Count || motiveBias.Count != MotiveOrder.Count || weights.Length != (long)QuoteFeatures.Dimension * Outputs)
        {
            throw new ArgumentException("The model does not have one head per tag, one bias per motive and a weight per feature and output.");
        }

        Kinds = kinds;
        Heads = heads;
        MotiveBias = motiveBias;
        _weights = weights;
        Description = description;
    }

    /// <summary>Outputs per feature: one per tag, then one per motive class.</summary>
    public static int Outputs => QuoteTags.All.Count + MotiveOrder.Count;

    public FeatureKinds Kinds { get; }

    public IReadOnlyList<TagHead> Heads { get; }

    public IReadOnlyList<float> MotiveBias { get; }

    /// <summary>What it was trained on and how (corpus hash, options, cross-validated scores).</summary>
    public string Description { get; }

    /// <summary>Weighted sums of every output for one quote's features (tags first, then the motive classes).</summary>
    public void Score(SparseVector features, Span<float> scores)
    {
        var outputs = Outputs;
        scores[..outputs].Clear();
        var indices = features.Indices;
        var values = features.Values;
        var w = _weights.AsSpan();
        for (var i = 0; i < indices.Length; i++)
        {
            var row = w.Slice(indices[i] * outputs, outputs);
            var v = values[i];
            for (var o = 0; o < outputs; o++)
            {
                scores[o] += row[o] * v;
            }
        }
    }

    /// <summary>Tag probabilities (calibrated) and motive probabilities (softmax) from <see cref="Score"/>'s sums.</summary>
    public void Probabilities(ReadOnlySpan<float> scores, Span<float> tagProbabilities, Span<float> motiveProbabilities)
    {
        for (var t = 0; t < Heads.Count; t++)
        {
            var head = Heads[t];
            tagProbabilities[t] = 1f / (1f + MathF.Exp((head.Slope * (scores[t] + head.Bias)) + head.Offset));
        }

        var max = float.NegativeInfinity;
        for (var m = 0; m < MotiveOrder.Count; m++)
        {
            motiveProbabilities[m] = scores[Heads.Count + m] + MotiveBias[m];
            max = Math.Max(max, motiveProbabilities[m]);
        }

        var sum = 0f;
        for (var m = 0; m < MotiveOrder.Count; m++)
        {
            motiveProbabilities[m] = MathF.Exp(motiveProbabilities[m] - max);
            sum += motiveProbabilities[m];
        }

        for (var m = 0; m < MotiveOrder.Count; m++)
        {
            motiveProbabilities[m] /= sum;
        }
    }

    /// <summary>Writes the model; the same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write((int)Kinds);
            writer.Write(QuoteFeatures.DimensionBits);
            writer.Write(Heads.Count);
            foreach (var h in Heads)
            {
                writer.Write(h.Tag);
                writer.Write(h.Bias);
                writer.Write(h.Slope);
                writer.Write(h.Offset);
                writer.Write(h.Threshold);
                writer.Write(h.Confident);
            }

            writer.Write(MotiveOrder.Count);
            for (var m = 0; m < MotiveOrder.Count; m++)
            {
                writer.Write(MotiveOrder[m].ToString());
                writer.Write(MotiveBias[m]);
            }

            writer.Write(Description);
            var outputs = Outputs;
            var used = new List<int>();
            for (var f = 0; f < QuoteFeatures.Dimension; f++)
            {
                if (_weights.AsSpan(f * outputs, outputs).ContainsAnyExcept(0f))
                {
                    used.Add(f);
                }
            }

            writer.Write(used.Count);
            foreach (var f in used)
            {
                writer.Write(f);
                foreach (var weight in _weights.AsSpan(f * outputs, outputs))
                {
                    writer.Write(weight);
                }
            }
        }

        var bytes = buffer.ToArray();
        stream.Write(bytes);
        stream.Write(SHA256.HashData(bytes));
    }

    /// <summary>Reads a model file; a missing, truncated, altered or incompatible file throws <see cref="TaggerModelException"/>.</summary>
    public static TaggerModel Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new TaggerModelException(path, "is missing");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new TaggerModelException(path, $"is larger than {MaxFileBytes / (1024 * 1024)} MB");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new TaggerModelException(path, $"cannot be read ({e.Message})");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TaggerModelException(path, $"cannot be read ({e.Message})");
        }

        return Read(bytes, path);
    }

    /// <summary>Reads a model from its bytes; <paramref name="name"/> names it in errors.</summary>
    public static TaggerModel Read(byte[] bytes, string name)
    {
        if (bytes.Length < Magic.Length + 1 + SHA256.HashSizeInBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new TaggerModelException(name, "is not a tagger model (wrong header)");
        }

        var body = bytes.AsSpan(0, bytes.Length - SHA256.HashSizeInBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            throw new TaggerModelException(name, "is corrupt (checksum mismatch)");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            reader.ReadBytes(Magic.Length);
            var version = reader.ReadByte();
            if (version != Version)
            {
                throw new TaggerModelException(name, $"has format version {version}, this build reads {Version}");
            }

            var kinds = (FeatureKinds)reader.ReadInt32();
            var bits = reader.ReadInt32();
            if (bits != QuoteFeatures.DimensionBits)
            {
                throw new TaggerModelException(name, $"was built for 2^{bits} features, this build hashes to 2^{QuoteFeatures.DimensionBits}");
            }

            var tagCount = reader.ReadInt32();
            if (tagCount != QuoteTags.All.Count)
            {
                throw new TaggerModelException(name, $"has {tagCount} tags, the taxonomy has {QuoteTags.All.Count}");
            }

            var heads = new List<TagHead>(tagCount);
            for (var t = 0; t < tagCount; t++)
            {
                var head = new TagHead(reader.ReadString(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
                if (head.Tag != QuoteTags.All[t])
                {
                    throw new TaggerModelException(name, $"has tag '{head.Tag}' where the taxonomy has '{QuoteTags.All[t]}'");
                }

                heads.Add(head);
            }

            var classes = reader.ReadInt32();
            if (classes != MotiveOrder.Count)
            {
                throw new TaggerModelException(name, $"has {classes} motive classes, expected {MotiveOrder.Count}");
            }

            var motiveBias = new float[classes];
            for (var m = 0; m < classes; m++)
            {
                var className = reader.ReadString();
                if (className != MotiveOrder[m].ToString())
                {
                    throw new TaggerModelException(name, $"has motive class '{className}' where '{MotiveOrder[m]}' belongs");
                }

                motiveBias[m] = reader.ReadSingle();
            }

            var description = reader.ReadString();
            var outputs = Outputs;
            var weights = new float[QuoteFeatures.Dimension * outputs];
            var used = reader.ReadInt32();
            if (used is < 0 or > QuoteFeatures.Dimension)
            {
                throw new TaggerModelException(name, "is corrupt (feature count out of range)");
            }

            for (var i = 0; i < used; i++)
            {
                var f = reader.ReadInt32();
                if (f is < 0 or >= QuoteFeatures.Dimension)
                {
                    throw new TaggerModelException(name, "is corrupt (feature index out of range)");
                }

                for (var o = 0; o < outputs; o++)
                {
                    weights[(f * outputs) + o] = reader.ReadSingle();
                }
            }

            if (reader.BaseStream.Position != body.Length)
            {
                throw new TaggerModelException(name, "is corrupt (trailing bytes)");
            }

            return new TaggerModel(kinds, heads, motiveBias, weights, description);
        }
        catch (EndOfStreamException)
        {
            throw new TaggerModelException(name, "is truncated");
        }
    }
}
