using System.Collections.Immutable;

namespace EcgScope.Imaging.Rendering;

/// <summary>
/// A 3x3 projective map of the plane, stored row by row. A printout's truth keeps the one from paper (millimetres from
/// the grid's top-left corner, y down) to image pixels (x right, y down, integer coordinates at pixel centres, as in
/// OpenCV).
/// </summary>
public sealed record Homography
{
    /// <summary>Creates a map from its nine coefficients, row by row.</summary>
    /// <exception cref="ArgumentException">Not nine finite numbers.</exception>
    public Homography(ImmutableArray<double> coefficients)
    {
        if (coefficients.IsDefault || coefficients.Length != 9 || coefficients.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("A homography needs nine finite coefficients.", nameof(coefficients));
        }

        Coefficients = coefficients;
    }

    /// <summary>The nine coefficients, row by row.</summary>
    public ImmutableArray<double> Coefficients { get; }

    /// <summary>The map that moves nothing.</summary>
    public static Homography Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1]);

    /// <summary>Scales by <paramref name="scale"/>, then moves by (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static Homography ScaleThenTranslate(double scale, double x, double y) => new([scale, 0, x, 0, scale, y, 0, 0, 1]);

    /// <summary>Where <paramref name="x"/>, <paramref name="y"/> goes.</summary>
    public (double X, double Y) Map(double x, double y)
    {
        var c = Coefficients.AsSpan();
        var w = (c[6] * x) + (c[7] * y) + c[8];
        return ((((c[0] * x) + (c[1] * y) + c[2]) / w), (((c[3] * x) + (c[4] * y) + c[5]) / w));
    }

    /// <summary>This map followed by <paramref name="next"/> (the matrix product next × this).</summary>
    public Homography Then(Homography next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var a = next.Coefficients.AsSpan();
        var b = Coefficients.AsSpan();
        var product = new double[9];
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                product[(row * 3) + column] = (a[row * 3] * b[column]) + (a[(row * 3) + 1] * b[3 + column]) + (a[(row * 3) + 2] * b[6 + column]);
            }
        }

        // Normalised so that the last coefficient is 1, as OpenCV returns them, where it can be.
        var last = product[8];
        if (Math.Abs(last) > 1e-12)
        {
            for (var i = 0; i < 9; i++)
            {
                product[i] /= last;
            }
        }

        return new Homography([.. product]);
    }

    /// <inheritdoc />
    public bool Equals(Homography? other) => other is not null && Coefficients.SequenceEqual(other.Coefficients);

    /// <inheritdoc />
    public override int GetHashCode() => Coefficients.Aggregate(0, HashCode.Combine);
}
