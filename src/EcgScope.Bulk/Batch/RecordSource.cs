namespace EcgScope.Bulk.Batch;

/// <summary>
/// One record of a batch: the file to read and what identifies this version of it. Plain data, so that a scheduler
/// other than the local one can send it to wherever the record is analysed (the path must then be reachable there).
/// </summary>
/// <param name="Path">The file to read, absolute: a WFDB record's header, or the file itself.</param>
/// <param name="Name">How the results name it: the path relative to the input folder, with '/' separators.</param>
/// <param name="Bytes">The length of the record's files together (header, signals, annotations), in bytes.</param>
/// <param name="LastWriteUtc">The latest time any of its files was written, UTC.</param>
public sealed record RecordSource(string Path, string Name, long Bytes, DateTime LastWriteUtc);
