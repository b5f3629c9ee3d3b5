using EcgScope.Testing;

namespace EcgScope.Inference.Tests;

public sealed class OnnxModelTests
{
    [Fact]
    public void Missing_model_file_is_named()
    {
        var path = Path.Combine(TestData.TempFolder(), "absent.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => OnnxModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_that_is_not_an_onnx_model_is_named()
    {
        var path = Path.Combine(TestData.TempFolder(), "corrupt.onnx");
        File.WriteAllBytes(path, [0x08, 0x07, 0x12, 0xFF, 0xFF, 0x42, 0x13, 0x37]);

        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Load(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_bytes_that_are_not_an_onnx_model_are_named_by_the_given_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModel.Load("not a model"u8.ToArray(), "upload.onnx"));

        Assert.StartsWith("upload.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_one_thread_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxModel.Load([0x08, 0x08], "model.onnx", intraOpThreads: 0));
    }
}
