using EcgScope.Imaging.Digitizing;

namespace EcgScope.Imaging.Tests;

public sealed class PaperTransformTests
{
    [Fact]
    public void Image_to_paper_and_back_is_the_identity()
    {
        var transform = PaperTransform.FromRotation(3, new ImagePoint(1000, 700), 7.874, new ImagePoint(40, 250));

        var (x, y) = transform.ToPaper(new ImagePoint(512.25, 333.5));
        var back = transform.ToImage(x, y);

        Assert.Equal(512.25, back.X, 9);
        Assert.Equal(333.5, back.Y, 9);
    }

    [Fact]
    public void An_unrotated_page_maps_pixels_to_millimetres_from_the_grid_corner()
    {
        var transform = PaperTransform.FromRotation(0, new ImagePoint(1000, 700), 8, new ImagePoint(40, 240));

        Assert.Equal((10.0, 5.0), transform.ToPaper(new ImagePoint(120, 280)));
    }
}
