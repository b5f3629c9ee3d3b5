namespace EcgScope.ML.Datasets;

/// <summary>One record of a labelled dataset: its name, the file to read and its class (index into the dataset's classes).</summary>
public sealed record LabelledRecord(string Name, string Path, int Label);
