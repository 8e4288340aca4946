using System.Net;

namespace GtmBot.IntegrationTests.Faults;

/// <summary>A body of <paramref name="size"/> bytes sent chunked (no Content-Length), counting how much the server pulled.</summary>
internal sealed class ChunkedBody(long size, byte fill = (byte)'a') : HttpContent
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, fill);
        try
        {
            while (_sent < size)
            {
                var n = (int)Math.Min(chunk.Length, size - _sent);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                Interlocked.Add(ref _sent, n);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The server answered and stopped reading: what was pulled so far is the measurement.
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
