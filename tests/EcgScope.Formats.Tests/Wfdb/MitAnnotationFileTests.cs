using EcgScope.Core;
using EcgScope.Formats.Wfdb;

namespace EcgScope.Formats.Tests.Wfdb;

/// <summary>annot(5) details on hand-made word streams.</summary>
public sealed class MitAnnotationFileTests
{
    private static ushort Word(int code, int value) => (ushort)((code << 10) | value);

    private static byte[] Bytes(params ushort[] words) => [.. words.SelectMany(BitConverter.GetBytes)];

    [Fact]
    public void Skip_num_sub_chn_and_aux_are_applied_as_annot5_says()
    {
        // N at 10; SKIP 70000 then V (I = 5) at 70015 with SUB 3, CHN 2, NUM 7 and AUX "abc" (padded); then A at 70020,
        // which keeps channel 2 and number 7 but not the sub-type or the note.
        byte[] data =
        [
            .. Bytes(Word(1, 10), Word(59, 0), 0x0001, 0x1170, Word(5, 5), Word(61, 3), Word(62, 2), Word(60, 7), Word(63, 3)),
            (byte)'a', (byte)'b', (byte)'c', 0,
            .. Bytes(Word(8, 5), 0),
        ];

        var annotations = MitAnnotationFile.Read(data, "test.atr");

        Assert.Equal(
            [
                new Annotation(10, AnnotationCode.Normal),
                new Annotation(70015, AnnotationCode.PrematureVentricular, SubType: 3, Channel: 2, Number: 7, AuxNote: "abc"),
                new Annotation(70020, AnnotationCode.AtrialPremature, Channel: 2, Number: 7),
            ],
            annotations);
    }

    [Fact]
    public void A_negative_skip_moves_back_in_time()
    {
        var data = Bytes(Word(1, 100), Word(59, 0), 0xFFFF, 0xFFF6, Word(1, 0), 0);

        Assert.Equal(90, MitAnnotationFile.Read(data, "t")[1].SampleIndex);
    }

    [Theory]
    [InlineData(new ushort[] { 0x0401 }, 2, "end-of-file")]
    [InlineData(new ushort[] { 0x0401, 0xEC00, 0x0001 }, 2, "SKIP is cut off")]
    [InlineData(new ushort[] { 0x0401, 0xFC08, 0x4141 }, 2, "runs past the end")]
    [InlineData(new ushort[] { 0xF403, 0x0401, 0 }, 0, "SUB appears before any annotation")]
    [InlineData(new ushort[] { 0x0401, 0xD001, 0 }, 2, "code 52")]
    [InlineData(new ushort[] { 0x0401, 0xEC00, 0x8000, 0x0000, 0x0400, 0 }, 8, "outside the record")]
    public void Corrupted_files_name_the_byte(ushort[] words, long offset, string reason)
    {
        var error = Assert.Throws<EcgFormatException>(() => MitAnnotationFile.Read(Bytes(words), "bad.atr"));

        Assert.Equal(offset, error.ByteOffset);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_odd_length_file_is_cut_inside_a_word()
    {
        byte[] data = [.. Bytes(Word(1, 10)), 0];

        Assert.Equal(2, Assert.Throws<EcgFormatException>(() => MitAnnotationFile.Read(data, "odd.atr")).ByteOffset);
    }

    [Fact]
    public void The_writer_refuses_what_MIT_format_cannot_hold()
    {
        Assert.Throws<ArgumentException>(() => MitAnnotationFile.Encode([new Annotation(5, AnnotationCode.Normal), new Annotation(4, AnnotationCode.Normal)]));
        Assert.Throws<ArgumentException>(() => MitAnnotationFile.Encode([new Annotation(5, AnnotationCode.Normal, Number: 1024)]));
        Assert.Throws<ArgumentException>(() => MitAnnotationFile.Encode([new Annotation(5, (AnnotationCode)50)]));
        Assert.Throws<ArgumentException>(() => MitAnnotationFile.Encode([new Annotation(1, AnnotationCode.Note, AuxNote: "€")]));
    }

    [Fact]
    public void NotQrs_annotations_after_long_gaps_and_at_zero_intervals_are_not_written_as_end_of_file()
    {
        // Code 0 with interval 0 is the end-of-file word: a NotQrs annotation after a SKIP (gap > 1023) or at the same
        // sample as the previous one must not produce it, or everything after it is lost.
        Annotation[] annotations =
        [
            new(0, AnnotationCode.NotQrs),
            new(10, AnnotationCode.Normal),
            new(5000, AnnotationCode.NotQrs),
            new(5000, AnnotationCode.NotQrs),
            new(5003, AnnotationCode.NotQrs),
            new(6000, AnnotationCode.Normal),
        ];

        Assert.Equal(annotations, MitAnnotationFile.Read(MitAnnotationFile.Encode(annotations), "notqrs.atr"));
    }
}
