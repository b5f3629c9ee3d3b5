using System.Collections.Immutable;
using EcgScope.Core;

namespace EcgScope.Formats.Wfdb;

/// <summary>A folder of WFDB records as PhysioNet databases lay them out.</summary>
public static class WfdbDatabase
{
    /// <summary>
    /// The records of <paramref name="folder"/>: the paths of its <c>.hea</c> headers, ordered by name (numerically
    /// where names are numbers, so LUDB's "2" comes before "10").
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> FindRecords(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder.");
        }

        return [.. Directory.EnumerateFiles(folder, "*.hea")
            .OrderBy(header => Path.GetFileNameWithoutExtension(header).Length)
            .ThenBy(header => header, StringComparer.Ordinal)];
    }

    /// <summary>Whether the record has an annotation file with <paramref name="extension"/> (for example "atr").</summary>
    public static bool HasAnnotations(string headerPath, string extension) =>
        File.Exists(Path.ChangeExtension(headerPath, "." + extension));

    /// <summary>
    /// The annotations of each lead that has an annotation file named after it beside the header, as LUDB keeps them
    /// ("1.i", "1.ii", ... "1.v6"; the lead's name as written or in lower case), with <see cref="Annotation.Channel"/>
    /// set to the lead's index.
    /// </summary>
    /// <exception cref="EcgFormatException">An annotation file is malformed.</exception>
    public static IReadOnlyDictionary<string, ImmutableArray<Annotation>> ReadLeadAnnotations(string headerPath, IEnumerable<string> leadNames)
    {
        ArgumentNullException.ThrowIfNull(leadNames);
        var annotations = new Dictionary<string, ImmutableArray<Annotation>>(StringComparer.Ordinal);
        var channel = 0;
        foreach (var lead in leadNames)
        {
            if (LeadAnnotator(headerPath, lead) is { } annotator)
            {
                // The lead's position is its channel: no need to parse the header again for every lead's file.
                var leadChannel = channel;
                annotations[lead] = [.. MitAnnotationFile.Read(Path.ChangeExtension(headerPath, "." + annotator))
                    .Select(annotation => annotation with { Channel = leadChannel })
                    .OrderBy(annotation => annotation.SampleIndex)];
            }

            channel++;
        }

        return annotations;
    }

    /// <summary>
    /// Reads a record whose annotations are kept per lead, in files named after the leads as LUDB does ("1.i",
    /// "1.ii", ... "1.v6"): every lead's annotations, each with <see cref="Annotation.Channel"/> set to its lead,
    /// in time order, in place of any record-wide (<c>.atr</c>) annotations. Leads without such a file have none.
    /// </summary>
    /// <exception cref="EcgFormatException">The header, a signal file or an annotation file is malformed.</exception>
    public static EcgRecord ReadWithLeadAnnotations(string headerPath)
    {
        var record = new WfdbReader().Read(headerPath, EcgReadOptions.Default);
        var annotations = ReadLeadAnnotations(headerPath, record.LeadNames).Values
            .SelectMany(lead => lead)
            .OrderBy(annotation => annotation.SampleIndex);
        return record with { Annotations = [.. annotations] };
    }

    private static string? LeadAnnotator(string headerPath, string lead) =>
        lead.Length == 0 ? null
        : HasAnnotations(headerPath, lead) ? lead
        : HasAnnotations(headerPath, lead.ToLowerInvariant()) ? lead.ToLowerInvariant()
        : null;
}
