using EcgScope.Inference.Models;

namespace EcgScope.ML.Models;

/// <summary>
/// Transfer from ImageNet: the ResNet-18 that the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 ships
/// as ONNX (MIT licence) turns the printout's grid area, resized to its 224 × 224 RGB input, into 512 pooled features;
/// a multinomial logistic regression trained here reads them. The package's own first stage,
/// <c>ResNetPreprocess.onnx</c>, reorders the channels to BGR and subtracts its ImageNet mean image, the normalisation
/// the backbone was trained with, so the pixels go in as 0 … 255.
/// </summary>
public static class PrintoutResNet18Model
{
    /// <summary>The model's name in the registry.</summary>
    public const string Name = "printout-resnet18";

    /// <summary>The backbone: the package's preprocessing and ResNet-18, both checked by SHA-256.</summary>
    public static ImageBackbone Backbone { get; } = new(
        "Microsoft.ML.DnnImageFeaturizer.ResNet18",
        "0.23.1",
        [
            new ModelWeights("tools/DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx", "84bf8def78d0befaa3f6e73745d57d7016c6a192ead76f79686bd438c1047004"),
            new ModelWeights("tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx", "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f"),
        ]);

    /// <summary>What the model reads: the grid area as 224 × 224 RGB (squeezed from its 1.7 aspect: the backbone's input is square).</summary>
    public static ImageInputSpec Input { get; } = new() { Width = 224, Height = 224, Pixels = ImagePixels.Rgb255, Backbone = Backbone };

    /// <summary>Features the backbone gives per image.</summary>
    public const int Features = 512;
}
