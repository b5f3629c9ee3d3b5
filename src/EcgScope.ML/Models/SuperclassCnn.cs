using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The 12-lead network for PTB-XL's five diagnostic superclasses (NORM, MI, STTC, CD, HYP; multi-label), read at
/// 100 Hz in windows of 2.5 s, as the PTB-XL benchmark's resnet1d_wang does: training takes a random 2.5 s crop of
/// each record every epoch (ten-second records give many different crops, which is what keeps 1,481 records from
/// being learnt by heart), and a verdict is the mean of the logits over a record's windows.
/// </summary>
public static class SuperclassCnn
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "superclass-cnn";

    /// <summary>What the network reads.</summary>
    public static InputSpec Input { get; } = new()
    {
        SampleRateHz = 100,
        WindowSeconds = 2.5,
        Leads = PtbXl.Leads,
        HighPassHz = 0.5,
        LowPassHz = 40,
        Normalization = InputNormalization.ZScore,
    };

    /// <summary>The network's sizes.</summary>
    public static ResNet1dShape Shape { get; } = new() { Leads = PtbXl.Leads.Length, Classes = PtbXl.Superclasses.Length };
}
