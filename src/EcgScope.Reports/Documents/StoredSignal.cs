using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using EcgScope.Core;

namespace EcgScope.Reports.Documents;

/// <summary>
/// The signal kept with an analysis: leads, sampling rate, start time and the device's own verdict, never the file's
/// other metadata (an Apple Watch PDF names the person and their birth date). Samples are stored exactly (float64), so
/// a report made later from the history shows the very numbers the first one did.
/// </summary>
public static class StoredSignal
{
    private const uint Magic = 0x31534345; // "ECS1"

    /// <summary>
    /// <paramref name="record"/> as the history keeps it: its leads, rate and start time, and of its metadata only the
    /// format, the device and the device's own verdict. Analysing this rather than the record as read makes an analysis
    /// made again from the history the same one.
    /// </summary>
    public static EcgRecord Kept(EcgRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with
        {
            Metadata = new EcgMetadata
            {
                SourceFormat = record.Metadata.SourceFormat,
                Device = record.Metadata.Device,
                DeviceClassification = record.Metadata.DeviceClassification,
                DeviceHeartRateBpm = record.Metadata.DeviceHeartRateBpm,
            },
            Annotations = [],
        };
    }

    /// <summary>The kept part of <paramref name="record"/> (see <see cref="Kept"/>) as bytes.</summary>
    public static byte[] Write(EcgRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(record.SamplingRate.Hertz);
            writer.Write(record.StartTime?.ToUnixTimeMilliseconds() ?? long.MinValue);
            WriteOptional(writer, record.Metadata.SourceFormat);
            WriteOptional(writer, record.Metadata.Device);
            WriteOptional(writer, record.Metadata.DeviceClassification);
            writer.Write(record.Metadata.DeviceHeartRateBpm ?? double.NaN);
            writer.Write(record.Leads.Length);
            writer.Write(record.SampleCount);
            Span<byte> sample = stackalloc byte[sizeof(double)];
            foreach (var lead in record.Leads)
            {
                writer.Write(lead.Name);
                foreach (var value in lead.Span)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(sample, value);
                    writer.Write(sample);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The record stored by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a stored signal.</exception>
    public static EcgRecord Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("The stored signal does not start with its format mark.");
        }

        var rate = new SamplingRate(reader.ReadDouble());
        var start = reader.ReadInt64();
        var metadata = new EcgMetadata
        {
            SourceFormat = ReadOptional(reader),
            Device = ReadOptional(reader),
            DeviceClassification = ReadOptional(reader),
            DeviceHeartRateBpm = reader.ReadDouble() is var bpm && double.IsNaN(bpm) ? null : bpm,
        };
        var leads = ImmutableArray.CreateBuilder<EcgLead>(reader.ReadInt32());
        var samples = reader.ReadInt32();
        for (var index = 0; index < leads.Capacity; index++)
        {
            var name = reader.ReadString();
            var values = new double[samples];
            var raw = reader.ReadBytes(samples * sizeof(double));
            for (var i = 0; i < samples; i++)
            {
                values[i] = BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * sizeof(double)));
            }

            leads.Add(EcgLead.FromOwnedArray(name, values));
        }

        return new EcgRecord(leads.MoveToImmutable(), rate)
        {
            StartTime = start == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(start),
            Metadata = metadata,
        };
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
