namespace EcgScope.Reports.Documents;

/// <summary>A command result that can print itself as text; as JSON it is serialised as it is.</summary>
public interface ITextReport
{
    /// <summary>Writes the result for a person to read.</summary>
    void WriteText(TextWriter writer);
}
