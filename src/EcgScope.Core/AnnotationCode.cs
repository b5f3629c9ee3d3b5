namespace EcgScope.Core;

/// <summary>
/// Annotation codes as defined by PhysioNet's WFDB library (<c>ecgcodes.h</c>); the numbers are the ones stored in
/// MIT-format annotation files.
/// </summary>
public enum AnnotationCode
{
    /// <summary>Not a QRS complex (code 0).</summary>
    NotQrs = 0,
    /// <summary>Normal beat, "N".</summary>
    Normal = 1,
    /// <summary>Left bundle branch block beat, "L".</summary>
    LeftBundleBranchBlock = 2,
    /// <summary>Right bundle branch block beat, "R".</summary>
    RightBundleBranchBlock = 3,
    /// <summary>Aberrated atrial premature beat, "a".</summary>
    AberratedAtrialPremature = 4,
    /// <summary>Premature ventricular contraction, "V".</summary>
    PrematureVentricular = 5,
    /// <summary>Fusion of ventricular and normal beat, "F".</summary>
    FusionVentricularNormal = 6,
    /// <summary>Nodal (junctional) premature beat, "J".</summary>
    NodalPremature = 7,
    /// <summary>Atrial premature beat, "A".</summary>
    AtrialPremature = 8,
    /// <summary>Premature or ectopic supraventricular beat, "S".</summary>
    SupraventricularPremature = 9,
    /// <summary>Ventricular escape beat, "E".</summary>
    VentricularEscape = 10,
    /// <summary>Nodal (junctional) escape beat, "j".</summary>
    NodalEscape = 11,
    /// <summary>Paced beat, "/".</summary>
    Paced = 12,
    /// <summary>Unclassifiable beat, "Q".</summary>
    Unclassifiable = 13,
    /// <summary>Signal quality change, "~".</summary>
    Noise = 14,
    /// <summary>Isolated QRS-like artifact, "|".</summary>
    Artifact = 16,
    /// <summary>ST change, "s".</summary>
    StChange = 18,
    /// <summary>T-wave change, "T".</summary>
    TChange = 19,
    /// <summary>Systole, "*".</summary>
    Systole = 20,
    /// <summary>Diastole, "D".</summary>
    Diastole = 21,
    /// <summary>Comment annotation, "\"".</summary>
    Note = 22,
    /// <summary>Measurement annotation, "=".</summary>
    Measure = 23,
    /// <summary>P-wave peak, "p".</summary>
    PWave = 24,
    /// <summary>Bundle branch block beat (unspecified), "B".</summary>
    BundleBranchBlock = 25,
    /// <summary>Non-conducted pacer spike, "^".</summary>
    PacerSpike = 26,
    /// <summary>T-wave peak, "t".</summary>
    TWave = 27,
    /// <summary>Rhythm change, "+" (the rhythm is in the auxiliary note).</summary>
    Rhythm = 28,
    /// <summary>U-wave peak, "u".</summary>
    UWave = 29,
    /// <summary>Learning, "?".</summary>
    Learn = 30,
    /// <summary>Ventricular flutter wave, "!".</summary>
    FlutterWave = 31,
    /// <summary>Start of ventricular flutter/fibrillation, "[".</summary>
    VentricularFlutterOnset = 32,
    /// <summary>End of ventricular flutter/fibrillation, "]".</summary>
    VentricularFlutterOffset = 33,
    /// <summary>Atrial escape beat, "e".</summary>
    AtrialEscape = 34,
    /// <summary>Supraventricular escape beat, "n".</summary>
    SupraventricularEscape = 35,
    /// <summary>Link to external data, "@".</summary>
    Link = 36,
    /// <summary>Non-conducted P-wave (blocked APC), "x".</summary>
    NonConductedP = 37,
    /// <summary>Fusion of paced and normal beat, "f".</summary>
    FusionPacedNormal = 38,
    /// <summary>Waveform onset, "(".</summary>
    WaveformOnset = 39,
    /// <summary>Waveform end, ")".</summary>
    WaveformOffset = 40,
    /// <summary>R-on-T premature ventricular contraction, "r".</summary>
    ROnT = 41,
}

/// <summary>Symbols and classes of <see cref="AnnotationCode"/> values.</summary>
public static class AnnotationCodes
{
    /// <summary>The largest code MIT format can store (codes 42 to 49 are user-defined).</summary>
    public const int MaxCode = 49;

    private static readonly string[] Symbols = BuildSymbols();

    /// <summary>The one-character symbol PhysioNet uses for <paramref name="code"/> ("N", "V", "/", ...).</summary>
    public static string Symbol(AnnotationCode code)
    {
        var index = (int)code;
        return index is >= 0 and <= MaxCode ? Symbols[index] : "?";
    }

    /// <summary>The code whose symbol is <paramref name="symbol"/>, if there is one.</summary>
    public static bool TryParse(string symbol, out AnnotationCode code)
    {
        var index = Array.IndexOf(Symbols, symbol);
        code = (AnnotationCode)Math.Max(index, 0);
        return index >= 0 && symbol.Length > 0;
    }

    /// <summary>
    /// Whether the code labels a heartbeat (QRS complex). The set is WFDB's <c>isqrs</c>: N L R B A a J S V r F e j n
    /// E / f Q ?, the reference set of beat-detection benchmarks.
    /// </summary>
    public static bool IsBeat(AnnotationCode code) => code switch
    {
        AnnotationCode.Normal or AnnotationCode.LeftBundleBranchBlock or AnnotationCode.RightBundleBranchBlock
            or AnnotationCode.BundleBranchBlock or AnnotationCode.AtrialPremature or AnnotationCode.AberratedAtrialPremature
            or AnnotationCode.NodalPremature or AnnotationCode.SupraventricularPremature or AnnotationCode.PrematureVentricular
            or AnnotationCode.ROnT or AnnotationCode.FusionVentricularNormal or AnnotationCode.AtrialEscape
            or AnnotationCode.NodalEscape or AnnotationCode.SupraventricularEscape or AnnotationCode.VentricularEscape
            or AnnotationCode.Paced or AnnotationCode.FusionPacedNormal or AnnotationCode.Unclassifiable
            or AnnotationCode.Learn => true,
        _ => false,
    };

    private static string[] BuildSymbols()
    {
        var symbols = new string[MaxCode + 1];
        Array.Fill(symbols, string.Empty);
        const string table = " NLRaVFJASEj/Q~ | sT*D\"=pB^t+u?![]en@xf()r";
        for (var i = 0; i < table.Length; i++)
        {
            symbols[i] = table[i] == ' ' ? string.Empty : table[i].ToString();
        }

        return symbols;
    }
}
