using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GtmBot.Training;

/// <summary>One multinomial logistic regression's weights read out of ML.NET as plain arrays.</summary>
/// <param name="Weights">Per class, a dense weight per feature (a class the data never showed gets zeros).</param>
/// <param name="Bias">Per class (zero for a class the data never showed).</param>
public sealed record MaxentWeights(float[][] Weights, float[] Bias)
{
    /// <summary>The class with the highest score for the features (<paramref name="indices"/>, <paramref name="values"/>); the first on a tie.</summary>
    public int ArgMax(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var m = 0; m < Bias.Length; m++)
        {
            var sum = Bias[m];
            for (var k = 0; k < values.Length; k++)
            {
                sum += Weights[m][indices[k]] * values[k];
            }

            if (sum > bestScore)
            {
                bestScore = sum;
                best = m;
            }
        }

        return best;
    }
}

/// <summary>
/// The one place the training tool fits a multinomial logistic regression (ML.NET's L-BFGS maximum entropy, one thread)
/// and reads its weights back: the motive's first stage, its second stage, and the cross-validated stacking experiments.
/// </summary>
public static class Maxent
{
    /// <summary>
    /// Fits on <paramref name="data"/> (a key label of <paramref name="classes"/> values and a <paramref name="dimension"/>-wide
    /// feature vector) and returns dense weights and biases, <paramref name="classes"/> of each.
    /// </summary>
    public static MaxentWeights Fit(MLContext ml, IDataView data, int classes, int dimension, float l2, float l1, float tolerance, int iterations)
    {
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = l2,
            L1Regularization = l1,
            NumberOfThreads = 1,
            OptimizationTolerance = tolerance,
            MaximumNumberOfIterations = iterations,
        }).Fit(data).Model;
        VBuffer<float>[] classWeights = [];
        model.GetWeights(ref classWeights, out var fitted);
        var biases = model.GetBiases().ToArray();
        var weights = new float[classes][];
        var bias = new float[classes];
        for (var m = 0; m < classes; m++)
        {
            weights[m] = new float[dimension];
            if (m < fitted)
            {
                classWeights[m].CopyTo(weights[m]);
            }

            bias[m] = m < biases.Length ? biases[m] : 0f;
        }

        return new MaxentWeights(weights, bias);
    }
}
