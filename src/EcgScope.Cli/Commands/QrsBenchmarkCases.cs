using EcgScope.Core;
using EcgScope.Formats;
using EcgScope.Formats.Wfdb;
using EcgScope.Signal.Benchmarking;

namespace EcgScope.Cli.Commands;

/// <summary>
/// Turns a folder of WFDB records into benchmark cases: a record with a <c>.atr</c> file (MIT-BIH) gives one case on
/// the chosen lead (default 0); a record annotated per lead (LUDB: "1.i", "1.ii", …) gives one case per lead, or on
/// the chosen one.
/// </summary>
internal sealed class QrsBenchmarkCases
{
    private readonly IReadOnlyList<AnnotatedRecord> records;
    private readonly int? leadIndex;

    private QrsBenchmarkCases(IReadOnlyList<AnnotatedRecord> records, int? leadIndex)
    {
        this.records = records;
        this.leadIndex = leadIndex;
    }

    /// <summary>How many cases <see cref="Read"/> yields.</summary>
    public int Count => records.Sum(record => record.PerLead && leadIndex is null ? record.Leads.Count : 1);

    /// <summary>The records of <paramref name="folder"/> that carry reference annotations, optionally only those named.</summary>
    public static QrsBenchmarkCases Find(string folder, IReadOnlyCollection<string> names, int? leadIndex)
    {
        var records = WfdbDatabase.FindRecords(folder)
            .Where(header => names.Count == 0 || names.Contains(Path.GetFileNameWithoutExtension(header)))
            .Select(AnnotatedRecord.Find)
            .OfType<AnnotatedRecord>()
            .ToList();
        var missing = names.Except(records.Select(record => record.Name)).FirstOrDefault();
        if (missing is not null)
        {
            throw new UsageException($"--record {missing}: no annotated record of that name in {folder}.");
        }

        if (leadIndex is { } chosen && records.FirstOrDefault(record => chosen >= record.Leads.Count) is { } tooFew)
        {
            throw new UsageException($"--lead {chosen}: record {tooFew.Name} has {tooFew.Leads.Count} leads ({string.Join(", ", tooFew.Leads)}), numbered from 0.");
        }

        return records.Count > 0
            ? new QrsBenchmarkCases(records, leadIndex)
            : throw new UsageException($"--data {folder}: no WFDB record with reference annotations (a .atr file, or one file per lead as in LUDB) there.");
    }

    /// <summary>The cases, each record read (and passed through <paramref name="prepare"/>) when it is reached.</summary>
    public IEnumerable<QrsBenchmarkCase> Read(Func<EcgRecord, EcgRecord> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        foreach (var annotated in records)
        {
            if (annotated.PerLead)
            {
                var record = prepare(WfdbDatabase.ReadWithLeadAnnotations(annotated.Header));
                var leads = leadIndex is { } chosen ? [chosen] : Enumerable.Range(0, record.Leads.Length);
                foreach (var lead in leads)
                {
                    yield return QrsBenchmarkCase.AnnotatedSpan($"{annotated.Name}/{record.Leads[lead].Name}", record, lead);
                }
            }
            else
            {
                yield return QrsBenchmarkCase.WholeRecord(annotated.Name, prepare(EcgFile.Read(annotated.Header)), leadIndex ?? 0);
            }
        }
    }

    /// <summary>A record with reference annotations: record-wide (<c>.atr</c>) or per lead.</summary>
    internal sealed record AnnotatedRecord(string Header, string Name, bool PerLead, IReadOnlyList<string> Leads)
    {
        /// <summary>The record of <paramref name="header"/> if it has reference annotations, else null.</summary>
        public static AnnotatedRecord? Find(string header)
        {
            var leads = WfdbHeaderParser.Parse(header).Signals.Select(signal => signal.Description ?? "").ToList();
            var name = Path.GetFileNameWithoutExtension(header);
            if (WfdbDatabase.HasAnnotations(header, "atr"))
            {
                return new AnnotatedRecord(header, name, PerLead: false, leads);
            }

            return leads.Any(lead => lead.Length > 0 && WfdbDatabase.HasAnnotations(header, lead))
                ? new AnnotatedRecord(header, name, PerLead: true, leads)
                : null;
        }
    }
}
