using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The recurrence-plot network for PTB-XL's five superclasses, side by side with <see cref="SuperclassCnn"/>: the same
/// leads, rate, filtering and z-score (over the whole 10 s record), the same split and recipe, a 2-D CNN over each
/// lead's recurrence plot instead of a 1-D ResNet over the trace. Each lead is averaged over 4 samples (25 Hz,
/// 250 points over 10 s) before its plot is drawn: 250 × 250 plots keep a 2-core training run near half an hour,
/// at the price of the QRS complex's finer shape, which 25 Hz blurs.
/// </summary>
public static class RecurrenceCnn
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "recurrence-cnn";

    /// <summary>What the network reads: the whole 10 s record (a plot needs the whole record's pairs of moments).</summary>
    public static InputSpec Input { get; } = SuperclassCnn.Input with { WindowSeconds = 10 };

    /// <summary>The network's sizes.</summary>
    public static RecurrencePlotCnnShape Shape { get; } = new() { Leads = PtbXl.Leads.Length, Classes = PtbXl.Superclasses.Length };
}
