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
/// feature costs one cache line, and quantised to one signed byte each with one scale per feature (row): a quarter of the
/// memory and file of 32-bit floats, and each weight within half a step (row maximum / 127 / 2) of the trained value.
/// An optional second stage (<see cref="MotiveStack"/>) decides the motive from the first stage's outputs.
/// </summary>
/// <remarks>
/// File layout (little-endian): "GTMTAG" + version byte; feature kinds, dimension bits; per tag name, bias, slope, offset,
/// threshold, confidence; per motive class name and bias; the motive stack (feature count, then per class a bias and that
/// many weights; count 0: none); a description; the number of non-zero features, then for each the gap to the previous
/// index (7-bit encoded), its row scale and <see cref="Outputs"/> signed-byte weights; finally the SHA-256 of everything
/// before it.
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
    private const byte Version = 2;

    /// <summary>Every feature kind this build computes: a model that asks for another is refused, never scored without it.</summary>
    private const FeatureKinds KnownKinds = FeatureKinds.Words | FeatureKinds.Chars | FeatureKinds.Cues | FeatureKinds.Rules | FeatureKinds.Trigrams
        | FeatureKinds.Subwords | FeatureKinds.Stems | FeatureKinds.LangCues;

    /// <summary>Levels of a quantised weight on either side of zero.</summary>
    private const float QuantLevels = 127f;

    /// <summary>A model file larger than this is refused (the shipped one is a few MB).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Quantised weights, <see cref="Outputs"/> per feature; feature f's true weights are these times <c>_scales[f]</c>.</summary>
    private readonly sbyte[] _weights;

    private readonly float[] _scales;

    /// <summary>A model from trained weights (<see cref="Outputs"/> per feature, interleaved), quantised here.</summary>
    public TaggerModel(FeatureKinds kinds, IReadOnlyList<TagHead> heads, IReadOnlyList<float> motiveBias, float[] weights, string description, MotiveStack? stack = null)
        : this(kinds, heads, motiveBias, Quantise(weights, out var scales), scales, description, stack)
    {
    }

    private TaggerModel(FeatureKinds kinds, IReadOnlyList<TagHead> heads, IReadOnlyList<float> motiveBias, sbyte[] weights, float[] scales, string description, MotiveStack? stack)
    {
        if (heads.Count != QuoteTags.All.Count || motiveBias.Count != MotiveOrder.Count || weights.Length != (long)QuoteFeatures.Dimension * Outputs || scales.Length != QuoteFeatures.Dimension)
        {
            throw new ArgumentException("The model does not have one head per tag, one bias per motive and a weight per feature and output.");
        }

        if (stack is not null && (stack.Weights.Length != MotiveStack.FeatureCount * MotiveOrder.Count || stack.Bias.Length != MotiveOrder.Count))
        {
            throw new ArgumentException("The motive stack does not have a weight per input and class and a bias per class.", nameof(stack));
        }

        Kinds = kinds;
        Heads = heads;
        MotiveBias = motiveBias;
        _weights = weights;
        _scales = scales;
        Description = description;
        Stack = stack;
    }

    /// <summary>Outputs per feature: one per tag, then one per motive class.</summary>
    public static int Outputs => QuoteTags.All.Count + MotiveOrder.Count;

    public FeatureKinds Kinds { get; }

    public IReadOnlyList<TagHead> Heads { get; }

    public IReadOnlyList<float> MotiveBias { get; }

    /// <summary>What it was trained on and how (corpus hash, options, cross-validated scores).</summary>
    public string Description { get; }

    /// <summary>The second-stage motive model, if the model has one (otherwise the first stage's motive outputs decide).</summary>
    public MotiveStack? Stack { get; }

    /// <summary>Feature <paramref name="feature"/>'s weight for <paramref name="output"/> as the model scores it (after quantisation).</summary>
    public float Weight(int feature, int output) => _weights[(feature * Outputs) + output] * _scales[feature];

    /// <summary>Each weight to one signed byte, with one scale per feature: its largest weight maps to ±127.</summary>
    private static sbyte[] Quantise(float[] weights, out float[] scales)
    {
        var outputs = Outputs;
        if (weights.Length != (long)QuoteFeatures.Dimension * outputs)
        {
            throw new ArgumentException("The model does not have a weight per feature and output.", nameof(weights));
        }

        scales = new float[QuoteFeatures.Dimension];
        var quantised = new sbyte[weights.Length];
        for (var f = 0; f < QuoteFeatures.Dimension; f++)
        {
            var row = weights.AsSpan(f * outputs, outputs);
            var max = 0f;
            foreach (var w in row)
            {
                max = Math.Max(max, Math.Abs(w));
            }

            if (max == 0)
            {
                continue;
            }

            var scale = max / QuantLevels;
            scales[f] = scale;
            for (var o = 0; o < outputs; o++)
            {
                quantised[(f * outputs) + o] = (sbyte)Math.Clamp(MathF.Round(row[o] / scale, MidpointRounding.AwayFromZero), -QuantLevels, QuantLevels);
            }
        }

        return quantised;
    }

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
            var f = indices[i];
            var row = w.Slice(f * outputs, outputs);
            var v = values[i] * _scales[f];
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

        for (var m = 0; m < MotiveOrder.Count; m++)
        {
            motiveProbabilities[m] = scores[Heads.Count + m] + MotiveBias[m];
        }

        Stack?.Apply(motiveProbabilities, tagProbabilities);
        var max = float.NegativeInfinity;
        for (var m = 0; m < MotiveOrder.Count; m++)
        {
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

            var stackWidth = Stack?.Width ?? 0;
            writer.Write(stackWidth);
            for (var m = 0; m < MotiveOrder.Count && Stack is not null; m++)
            {
                writer.Write(Stack.Bias[m]);
                for (var k = 0; k < stackWidth; k++)
                {
                    writer.Write(Stack.Weights[(m * stackWidth) + k]);
                }
            }

            writer.Write(Description);
            var outputs = Outputs;
            var used = new List<int>();
            for (var f = 0; f < QuoteFeatures.Dimension; f++)
            {
                if (_scales[f] != 0 && _weights.AsSpan(f * outputs, outputs).ContainsAnyExcept((sbyte)0))
                {
                    used.Add(f);
                }
            }

            writer.Write(used.Count);
            var previous = -1;
            foreach (var f in used)
            {
                writer.Write7BitEncodedInt(f - previous);
                previous = f;
                writer.Write(_scales[f]);
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
            if ((kinds & ~KnownKinds) != 0)
            {
                throw new TaggerModelException(name, $"uses feature kinds ({(int)kinds}) this build does not compute");
            }
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

            var stackWidth = reader.ReadInt32();
            MotiveStack? stack = null;
            if (stackWidth != 0)
            {
                if (stackWidth != MotiveStack.FeatureCount)
                {
                    throw new TaggerModelException(name, $"has a motive stack of {stackWidth} inputs, this build reads {MotiveStack.FeatureCount}");
                }

                var stackBias = new float[classes];
                var stackWeights = new float[classes * stackWidth];
                for (var m = 0; m < classes; m++)
                {
                    stackBias[m] = reader.ReadSingle();
                    for (var k = 0; k < stackWidth; k++)
                    {
                        stackWeights[(m * stackWidth) + k] = reader.ReadSingle();
                    }
                }

                stack = new MotiveStack(stackWeights, stackBias);
            }

            var description = reader.ReadString();
            var outputs = Outputs;
            var weights = new sbyte[QuoteFeatures.Dimension * outputs];
            var scales = new float[QuoteFeatures.Dimension];
            var used = reader.ReadInt32();
            if (used is < 0 or > QuoteFeatures.Dimension)
            {
                throw new TaggerModelException(name, "is corrupt (feature count out of range)");
            }

            var f = -1;
            for (var i = 0; i < used; i++)
            {
                var gap = reader.Read7BitEncodedInt();
                if (gap <= 0 || gap > QuoteFeatures.Dimension - 1 - f)
                {
                    throw new TaggerModelException(name, "is corrupt (feature index out of range)");
                }

                f += gap;
                scales[f] = reader.ReadSingle();
                for (var o = 0; o < outputs; o++)
                {
                    weights[(f * outputs) + o] = reader.ReadSByte();
                }
            }

            if (reader.BaseStream.Position != body.Length)
            {
                throw new TaggerModelException(name, "is corrupt (trailing bytes)");
            }

            return new TaggerModel(kinds, heads, motiveBias, weights, scales, description, stack);
        }
        catch (EndOfStreamException)
        {
            throw new TaggerModelException(name, "is truncated");
        }
        catch (FormatException)
        {
            throw new TaggerModelException(name, "is corrupt (bad number encoding)");
        }
    }
}
