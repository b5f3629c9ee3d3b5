namespace EcgScope.Signal.Delineation;

/// <summary>
/// Thresholds of <see cref="WaveletDelineator"/>. Defaults are Martínez et al. 2004's ξ, γ and ε factors except
/// γ_QRSpre, and the windows and P-to-R rule, which were tuned on the odd-numbered LUDB records (docs/delineation.md).
/// </summary>
public sealed record WaveletDelineatorOptions
{
    /// <summary>The defaults.</summary>
    public static WaveletDelineatorOptions Default { get; } = new();

    /// <summary>Half-width, in seconds, of the window around the R peak searched for the QRS's slopes.</summary>
    public double QrsSearchSeconds { get; init; } = 0.12;

    /// <summary>
    /// γ_QRSpre: a slope before R counts when above this share of the window's largest |W_2| (the paper's 0.06 let
    /// small slopes before the QRS start it early on LUDB).
    /// </summary>
    public double QrsPreThreshold { get; init; } = 0.15;

    /// <summary>γ_QRSpost: a slope after R counts when above this share of the window's largest |W_2|.</summary>
    public double QrsPostThreshold { get; init; } = 0.09;

    /// <summary>ξ_QRSon for a positive (negative) first slope: onset where |W_2| falls below this share of it.</summary>
    public (double Positive, double Negative) QrsOnsetLevel { get; init; } = (0.05, 0.07);

    /// <summary>ξ_QRSend for a positive (negative) last slope: offset where |W_2| falls below this share of it.</summary>
    public (double Positive, double Negative) QrsOffsetLevel { get; init; } = (0.125, 0.71);

    /// <summary>ε_T: a T slope counts when |W_4| exceeds this multiple of W_4's RMS over the RR interval.</summary>
    public double TThreshold { get; init; } = 0.25;

    /// <summary>ξ_Ton: T onset where |W_4| falls below this share of the first T slope.</summary>
    public double TOnsetLevel { get; init; } = 0.25;

    /// <summary>ξ_Tend: T offset where |W_4| falls below this share of the last T slope.</summary>
    public double TOffsetLevel { get; init; } = 0.4;

    /// <summary>ε_P: a P slope counts when |W_4| exceeds this multiple of W_4's RMS over the RR interval.</summary>
    public double PThreshold { get; init; } = 0.02;

    /// <summary>ξ_Pon: P onset where |W_4| falls below this share of the first P slope.</summary>
    public double POnsetLevel { get; init; } = 0.5;

    /// <summary>ξ_Pend: P offset where |W_4| falls below this share of the last P slope.</summary>
    public double POffsetLevel { get; init; } = 0.9;

    /// <summary>How far before the QRS onset, in seconds, the P wave's slopes are looked for.</summary>
    public double PSearchSeconds { get; init; } = 0.25;

    /// <summary>
    /// Sinus P waves keep their distance to the R peak; fibrillatory waves do not. When the P-to-R intervals of a
    /// lead's beats spread (interquartile range) wider than this, in seconds, the lead is taken to have no P waves.
    /// </summary>
    public double PrSpreadSeconds { get; init; } = 0.04;

    /// <summary>A beat's P wave is dropped when its P-to-R interval is this far, in seconds, from the lead's median.</summary>
    public double PrDeviationSeconds { get; init; } = 0.06;
}
