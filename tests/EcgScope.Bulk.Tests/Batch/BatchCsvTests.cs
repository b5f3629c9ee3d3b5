using System.Globalization;
using EcgScope.Bulk.Batch;

namespace EcgScope.Bulk.Tests.Batch;

public sealed class BatchCsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says_and_read_back()
    {
        string?[] fields = ["plain", "a, b", "say \"hi\"", null, "two\nlines", " padded "];

        var line = BatchCsv.Line(fields);

        Assert.Equal("plain,\"a, b\",\"say \"\"hi\"\"\",,two lines,\" padded \"\r\n", line);
        Assert.Equal(["plain", "a, b", "say \"hi\"", "", "two lines", " padded "], BatchCsv.Fields(line.TrimEnd()));
    }

    [Theory]
    [InlineData("\"open")]
    [InlineData("a,\"b\"c")]
    [InlineData("a,\"b")]
    public void A_line_that_is_not_whole_csv_is_not_read_as_a_row(string line) => Assert.Null(BatchCsv.Fields(line));

    [Fact]
    public void The_header_has_the_units_in_the_names_and_three_columns_per_model()
    {
        var columns = BatchCsv.Columns(["rhythm-cnn"]);

        Assert.Equal(
            "file,fileBytes,fileModifiedUtc,format,durationSeconds,samplingRateHz,leads,measuredLead,heartRateBpm,medianHeartRateBpm,sdnnMs,rmssdMs,qualityVerdict,"
            + "rhythm-cnn.verdict,rhythm-cnn.topProbability,rhythm-cnn.inconclusiveReason,elapsedMs,error",
            string.Join(',', columns));
        Assert.Equal(["rhythm-cnn"], BatchCsv.ModelsOf(columns));
        Assert.Null(BatchCsv.ModelsOf(["file", "rhythm-cnn.verdict"]));
    }

    [Fact]
    public void Numbers_use_a_dot_whatever_the_culture_and_times_read_back_to_the_tick()
    {
        var time = new DateTime(2026, 11, 29, 20, 1, 2, DateTimeKind.Utc).AddTicks(1234567);
        var previous = CultureInfo.CurrentCulture;
        var decimalComma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        decimalComma.NumberFormat.NumberDecimalSeparator = ",";
        try
        {
            CultureInfo.CurrentCulture = decimalComma;
            var line = BatchCsv.Line(new BatchRow("r.hea", 10, time, "WFDB", 30.5, 300, 1, "ECG", 72.25, 72, 40.125, 30, "excellent", [], 12.34, null), []);

            Assert.Equal("r.hea,10,2026-11-29T20:01:02.1234567Z,WFDB,30.5,300,1,ECG,72.25,72,40.125,30,excellent,12.3,\r\n", line);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(time, BatchCsv.ParseTime(BatchCsv.FormatTime(time)));
        Assert.Null(BatchCsv.ParseTime("yesterday"));
    }
}
