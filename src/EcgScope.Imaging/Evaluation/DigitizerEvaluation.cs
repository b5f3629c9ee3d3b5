using System.Collections.Immutable;
using EcgScope.Core;
using EcgScope.Imaging.Degradation;
using EcgScope.Imaging.Digitizing;
using EcgScope.Imaging.Layout;
using EcgScope.Imaging.Rendering;

namespace EcgScope.Imaging.Evaluation;

/// <summary>One lead's score in <see cref="DigitizerScore"/>.</summary>
/// <param name="Lead">The lead's name.</param>
/// <param name="SnrDb">The Challenge 2024 SNR (unaligned), in dB; +∞ for a perfect copy.</param>
/// <param name="AlignedSnrDb">The SNR after the best shift of up to 0.2 s and level, in dB.</param>
public sealed record LeadScore(string Lead, double SnrDb, double AlignedSnrDb);

/// <summary>How well one rendered, degraded printout was digitized.</summary>
/// <param name="Record">The record's name.</param>
/// <param name="Degradation">The degradation preset applied to the rendered page.</param>
/// <param name="Confidence">The digitizer's confidence; NaN when it refused the image.</param>
/// <param name="Leads">Per lead scores (empty when the image was refused).</param>
/// <param name="Error">Why the digitizer refused the image, if it did.</param>
public sealed record DigitizerScore(string Record, string Degradation, double Confidence, ImmutableArray<LeadScore> Leads, string? Error);

/// <summary>
/// Scores the digitizer against ground truth: a record is drawn as a standard 3x4 + rhythm printout (25 mm/s,
/// 10 mm/mV, 200 dpi) by <see cref="PrintoutRenderer"/>, degraded, digitized, and each lead compared with what was
/// printed (NaN where a lead was not printed, so only its printed stretch counts) by <see cref="PrintoutSnr"/>.
/// </summary>
public static class DigitizerEvaluation
{
    /// <summary>Renders, degrades (with <paramref name="seed"/>) and digitizes <paramref name="record"/>, and scores each lead.</summary>
    public static DigitizerScore Score(string name, EcgRecord record, DegradationPipeline degradation, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(degradation);
        var layout = PrintoutLayout.Standard(LeadArrangement.ThreeByFourWithRhythm, PaperScale.Standard, record.DurationSeconds);
        using var rendered = PrintoutRenderer.Render(record, layout);
        using var degraded = degradation.Apply(rendered, seed);
        DigitizedPrintout printout;
        try
        {
            printout = PrintoutDigitizer.Digitize(degraded.Image, name, cancellationToken: cancellationToken);
        }
        catch (EcgFormatException error)
        {
            return new DigitizerScore(name, degradation.Name, double.NaN, [], error.Reason);
        }

        var truth = degraded.Truth.Record;
        var leads = ImmutableArray.CreateBuilder<LeadScore>(truth.Leads.Length);
        foreach (var reference in truth.Leads)
        {
            var digitized = Resized(printout.Record.FindLead(reference.Name), reference.Length);
            leads.Add(new LeadScore(
                reference.Name,
                PrintoutSnr.Compute(reference.Span, digitized),
                PrintoutSnr.ComputeAligned(reference.Span, digitized, truth.SamplingRate).SnrDb));
        }

        return new DigitizerScore(name, degradation.Name, printout.Confidence, leads.ToImmutable(), null);
    }

    /// <summary>The digitized lead trimmed or padded with NaN to the reference's length, as the Challenge's trim_signal does (it pads with zeros, which NaN then counts as).</summary>
    private static double[] Resized(EcgLead? lead, int length)
    {
        var samples = new double[length];
        Array.Fill(samples, double.NaN);
        lead?.Span[..Math.Min(length, lead.Length)].CopyTo(samples);
        return samples;
    }
}
