namespace EcgScope.Imaging.Footer;

/// <summary>The heart rate an ECG machine printed in its footer after the heart symbol (<c>♥77</c>), as read from the image.</summary>
/// <param name="Bpm">The number read, in beats per minute; null when it could not be read confidently.</param>
/// <param name="Reason">Why it could not be read; null when <paramref name="Bpm"/> is set.</param>
/// <param name="HeartMatch">The heart symbol's normalised correlation with its template (1 is a perfect match); NaN when no footer line was found.</param>
/// <param name="LowestDigitMatch">The weakest digit's correlation with its template; NaN when no digit was read.</param>
/// <param name="LowestDigitMargin">The smallest lead of a digit's best template over the next best digit's; NaN when no digit was read.</param>
public sealed record PrintedHeartRate(int? Bpm, string? Reason, double HeartMatch, double LowestDigitMatch, double LowestDigitMargin)
{
    /// <summary>A footer that could not be read, and why.</summary>
    public static PrintedHeartRate Unread(string reason, double heartMatch = double.NaN, double lowestDigitMatch = double.NaN, double lowestDigitMargin = double.NaN) =>
        new(null, reason, heartMatch, lowestDigitMatch, lowestDigitMargin);
}
