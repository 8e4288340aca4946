namespace GtmBot.Engine.Ports;

/// <summary>
/// What a workspace knows about one customer. <see cref="Name"/> is the name quotes carry (<c>Customer: Acme</c>), matched
/// case-insensitively after trimming; segments are free labels of the workspace (e.g. <c>enterprise</c>, <c>smb</c>).
/// </summary>
/// <param name="Arr">Annual recurring revenue in the workspace's currency; never negative.</param>
/// <param name="Renewal">The next renewal date, when known.</param>
/// <param name="UpdatedBy">Platform id of who last changed the profile.</param>
public sealed record CustomerProfile(string Name, string? Segment, string? Industry, decimal? Arr, DateOnly? Renewal, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>Customer profiles, one workspace at a time.</summary>
public interface ICustomerStore
{
    /// <summary>The profile of the customer of that name, or null.</summary>
    Task<CustomerProfile?> GetAsync(string workspaceKey, string name, CancellationToken cancellationToken);

    /// <summary>All profiles of a workspace, by name.</summary>
    Task<IReadOnlyList<CustomerProfile>> ListAsync(string workspaceKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the profile of <see cref="CustomerProfile.Name"/>; durable when this returns.</summary>
    Task UpsertAsync(string workspaceKey, CustomerProfile profile, CancellationToken cancellationToken);
}
