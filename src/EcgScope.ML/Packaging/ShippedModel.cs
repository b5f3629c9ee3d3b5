using System.Security.Cryptography;
using System.Text.Json;
using EcgScope.Inference.Models;
using EcgScope.ML.Export;
using EcgScope.ML.Networks;

namespace EcgScope.ML.Packaging;

/// <summary>Writes a model's files into <c>models/NAME/</c>: the network as ONNX, and the card beside it.</summary>
internal static class ShippedModel
{
    /// <summary>Exports the trained weights in <paramref name="weightsPath"/> as <c>NAME.onnx</c>; returns the card's weights entry.</summary>
    public static ModelWeights Export(string weightsPath, ResNet1dShape shape, string modelsDirectory, string name)
    {
        var folder = Path.Combine(modelsDirectory, name);
        Directory.CreateDirectory(folder);
        var onnxPath = Path.Combine(folder, name + ".onnx");
        using (var network = new ResNet1d(shape))
        {
            network.load(weightsPath);
            network.eval();
            ResNet1dOnnxExporter.Export(network, onnxPath);
        }

        return new ModelWeights(Path.GetFileName(onnxPath), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnxPath))));
    }

    /// <summary>Writes <c>NAME.json</c> beside the weights.</summary>
    public static void WriteCard(ModelCard card, string modelsDirectory) =>
        File.WriteAllText(Path.Combine(modelsDirectory, card.Name, card.Name + ".json"), JsonSerializer.Serialize(card, ModelCard.JsonOptions) + "\n");
}
