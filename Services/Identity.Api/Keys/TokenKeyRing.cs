using Microsoft.IdentityModel.Tokens;

namespace AspireMsa.Identity.Api.Keys;

/// <summary>
/// The keys this instance loaded, the one in use first. The token server's options are built from it, and rebuilt by
/// <see cref="TokenKeyRefresher"/> whenever a reload changes it (a rotation, a successor taking over, a key retired).
/// </summary>
public sealed class TokenKeyRing
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SecurityKey> _loaded = new(StringComparer.Ordinal);
    private IReadOnlyList<SecurityKey>? _signingKeys;
    private IReadOnlyList<SecurityKey>? _encryptionKeys;

    public IReadOnlyList<SecurityKey> SigningKeys => _signingKeys ?? throw NotLoaded();

    public IReadOnlyList<SecurityKey> EncryptionKeys => _encryptionKeys ?? throw NotLoaded();

    /// <summary>When a published key takes over and the ring must be reloaded, if one is waiting.</summary>
    public DateTimeOffset? NextActivation { get; private set; }

    /// <summary>Replaces the ring; true when the keys or their order changed. A key already loaded is reused, not re-imported.</summary>
    public bool Load(IReadOnlyList<Entry> signing, IReadOnlyList<Entry> encryption, DateTimeOffset? nextActivation)
    {
        lock (_gate)
        {
            var changed = _signingKeys is null
                || !_signingKeys.Select(k => k.KeyId).SequenceEqual(signing.Select(e => e.KeyId), StringComparer.Ordinal)
                || !_encryptionKeys!.Select(k => k.KeyId).SequenceEqual(encryption.Select(e => e.KeyId), StringComparer.Ordinal);
            _signingKeys = [.. signing.Select(Resolve)];
            _encryptionKeys = [.. encryption.Select(Resolve)];
            foreach (var retired in _loaded.Keys.Except(signing.Concat(encryption).Select(e => e.KeyId), StringComparer.Ordinal).ToList())
            {
                _loaded.Remove(retired);
            }

            NextActivation = nextActivation;
            return changed;
        }
    }

    private SecurityKey Resolve(Entry entry)
    {
        if (!_loaded.TryGetValue(entry.KeyId, out var key))
        {
            key = entry.Import();
            _loaded[entry.KeyId] = key;
        }

        return key;
    }

    private static InvalidOperationException NotLoaded() =>
        new("The token key ring is empty: the start-up seeding loads it before the service answers requests.");

    /// <summary>A key by its id, imported (decrypted) only the first time this instance meets it.</summary>
    public sealed record Entry(string KeyId, Func<SecurityKey> Import);
}
