using System.Net;
using System.Text;

namespace EcgScope.Web.Tests;

/// <summary>Uploads a reader accepts but that leave little to analyse: an answer in words, never a 500.</summary>
public sealed class EdgeCaseTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("three-samples.csv", "ecg\n0.1\n0.2\n0.1\n")]
    [InlineData("flat.csv", "ecg\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n")]
    [InlineData("missing.csv", "ecg\nNaN\nNaN\nNaN\nNaN\nNaN\nNaN\n")]
    public async Task A_record_with_too_little_signal_gets_an_answer_not_a_fault(string name, string csv)
    {
        var client = app.CreateAcceptedClient();
        var form = Uploads.Form((name, Encoding.ASCII.GetBytes(csv)));
        form.Add(new StringContent("250"), "samplingRateHz");

        var response = await client.PostAsync("/api/analyses", form, Cancel);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var id = (await Uploads.Json(response)).GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/analyses/{id}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/analyses/{id}/report.pdf", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/analyses/{id}/trace.svg", Cancel)).StatusCode);
        }
    }
}
