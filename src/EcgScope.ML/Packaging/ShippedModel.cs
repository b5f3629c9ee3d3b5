using System.Security.Cryptography;
using System.Text.Json;
using EcgScope.Inference.Models;
using EcgScope.ML.Export;
using EcgScope.ML.Networks;
using static TorchSharp.torch.nn;

namespace EcgScope.ML.Packaging;

/// <summary>Writes a model's files into <c>models/NAME/</c>: the network as ONNX, and the card beside it.</summary>
internal static class ShippedModel
{
    /// <summary>Exports the trained 1-D ResNet in <paramref name="weightsPath"/> as <c>NAME.onnx</c>; returns the card's weights entry.</summary>
    public static ModelWeights Export(string weightsPath, ResNet1dShape shape, string modelsDirectory, string name) =>
        Write(ResNet1dOnnx(weightsPath, shape), modelsDirectory, name);

    /// <summary>The trained 1-D ResNet in <paramref name="weightsPath"/> as ONNX.</summary>
    public static byte[] ResNet1dOnnx(string weightsPath, ResNet1dShape shape) => Onnx(weightsPath, () => new ResNet1d(shape), ResNet1dOnnxExporter.Export);

    /// <summary>The trained weights in <paramref name="weightsPath"/>, loaded into a network from <paramref name="create"/>, exported in eval mode.</summary>
    public static byte[] Onnx<TNetwork>(string weightsPath, Func<TNetwork> create, Func<TNetwork, byte[]> export)
        where TNetwork : Module
    {
        using var network = create();
        network.load(weightsPath);
        network.eval();
        return export(network);
    }

    /// <summary>Writes <paramref name="onnx"/> as <c>NAME.onnx</c>, or <c>NAME-PART.onnx</c> for a second network of the model; returns the card's weights entry.</summary>
    public static ModelWeights Write(byte[] onnx, string modelsDirectory, string name, string? part = null)
    {
        var folder = Path.Combine(modelsDirectory, name);
        Directory.CreateDirectory(folder);
        var file = (part is null ? name : $"{name}-{part}") + ".onnx";
        File.WriteAllBytes(Path.Combine(folder, file), onnx);
        return new ModelWeights(file, Convert.ToHexStringLower(SHA256.HashData(onnx)));
    }

    /// <summary>
    /// The weights entry for a model that shares <paramref name="owner"/>'s network: <paramref name="onnx"/> must be
    /// the very file <paramref name="owner"/>'s card ships (package it from the same run first).
    /// </summary>
    public static ModelWeights Shared(byte[] onnx, string modelsDirectory, string owner)
    {
        var ownerCardPath = Path.Combine(modelsDirectory, owner, owner + ".json");
        var ownerWeights = File.Exists(ownerCardPath)
            ? ModelCard.Read(ownerCardPath).Weights
            : throw new InvalidOperationException($"{ownerCardPath} is missing: package {owner} first, from the same run.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(onnx));
        return string.Equals(hash, ownerWeights.Sha256, StringComparison.Ordinal)
            ? new ModelWeights(ownerWeights.File, hash, owner)
            : throw new InvalidOperationException($"{owner} ships another network (SHA-256 {ownerWeights.Sha256}, this one {hash}): package {owner} from the same run first.");
    }

    /// <summary>Writes <c>NAME.json</c> beside the weights.</summary>
    public static void WriteCard(ModelCard card, string modelsDirectory) =>
        File.WriteAllText(Path.Combine(modelsDirectory, card.Name, card.Name + ".json"), JsonSerializer.Serialize(card, ModelCard.JsonOptions) + "\n");
}
