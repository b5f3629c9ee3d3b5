namespace EcgScope.Cli.Output;

/// <summary>A command result that can print itself as text; as JSON it is serialised as it is.</summary>
internal interface ITextReport
{
    /// <summary>Writes the result for a person to read.</summary>
    void WriteText(TextWriter writer);
}
