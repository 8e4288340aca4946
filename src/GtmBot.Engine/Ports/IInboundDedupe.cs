namespace GtmBot.Engine.Ports;

/// <summary>Remembers inbound event ids so a platform's retry is handled once.</summary>
public interface IInboundDedupe
{
    /// <summary>True the first time an id is seen for the platform; false for a retry.</summary>
    Task<bool> FirstSeenAsync(string platform, string eventId, CancellationToken cancellationToken);
}
