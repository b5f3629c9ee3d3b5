using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Sets VER_FLG_WEAK on one named version requirement (Vernaux entry) of 64-bit little-endian ELF files.</summary>
public sealed class MarkElfVersionRequirementWeak : Task
{
    private const uint SectionTypeGnuVerneed = 0x6ffffffe;
    private const ushort VersionFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var changed = MarkWeak(bytes, path);
            if (changed > 0)
            {
                // Written beside and renamed, so an interrupted build never leaves a half-written library.
                var temporary = path + ".weak-tmp";
                File.WriteAllBytes(temporary, bytes);
                File.Replace(temporary, path, null);
                Log.LogMessage(MessageImportance.Normal, $"{path}: {VersionName} requirement marked weak");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private int MarkWeak(byte[] elf, string path)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogWarning($"{path}: not a 64-bit little-endian ELF file; left as it is");
            return 0;
        }
        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3a);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3c);
        var changed = 0;
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sectionTable + (long)i * sectionSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != SectionTypeGnuVerneed)
            {
                continue;
            }
            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)header + 0x28);
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + link * sectionSize) + 0x18);
            changed += MarkInVerneed(elf, offset, strings);
        }
        return changed;
    }

    private int MarkInVerneed(byte[] elf, long need, long strings)
    {
        var changed = 0;
        while (true)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
            var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (var j = 0; j < auxCount; j++)
            {
                var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                if (name == VersionName && (flags & VersionFlagWeak) == 0)
                {
                    BitConverter.GetBytes((ushort)(flags | VersionFlagWeak)).CopyTo(elf, (int)aux + 4);
                    changed++;
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            var next = BitConverter.ToUInt32(elf, (int)need + 12);
            if (next == 0)
            {
                return changed;
            }
            need += next;
        }
    }

    private static string ReadString(byte[] elf, long start)
    {
        var end = (int)start;
        while (elf[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(elf, (int)start, end - (int)start);
    }
}
