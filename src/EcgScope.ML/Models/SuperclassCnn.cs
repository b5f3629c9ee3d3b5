using EcgScope.Inference.Preprocessing;
using EcgScope.ML.Datasets;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Models;

/// <summary>
/// The 12-lead network for PTB-XL's five diagnostic superclasses (NORM, MI, STTC, CD, HYP; multi-label), read at
/// 100 Hz over the records' 10 s, as the PTB-XL benchmark does.
/// </summary>
public static class SuperclassCnn
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "superclass-cnn";

    /// <summary>What the network reads.</summary>
    public static InputSpec Input { get; } = new()
    {
        SampleRateHz = 100,
        WindowSeconds = 10,
        Leads = PtbXl.Leads,
        HighPassHz = 0.5,
        LowPassHz = 40,
        Normalization = InputNormalization.ZScore,
    };

    /// <summary>The network's sizes.</summary>
    public static ResNet1dShape Shape { get; } = new() { Leads = PtbXl.Leads.Length, Classes = PtbXl.Superclasses.Length };
}
