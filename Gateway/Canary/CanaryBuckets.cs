using System.Security.Cryptography;
using System.Text;

namespace AspireMsa.Gateway.Canary;

/// <summary>
/// Every caller falls in one of 100 buckets; a release sends buckets below its canary weight to the canary. A user's
/// bucket is a hash of their id, so they see the same version on every request and replica at a given weight, and
/// raising the weight only ever moves users from stable to canary, never back and forth.
/// </summary>
public static class CanaryBuckets
{
    public const int Count = 100;

    /// <summary>A stable hash (string.GetHashCode differs per process); salted by release so one user is not first in every canary.</summary>
    public static int ForUser(string release, string userId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{release}:{userId}"), hash);
        return (int)(BitConverter.ToUInt32(hash) % Count);
    }

    public static bool TryParse(string? value, out int bucket) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out bucket)
        && bucket is >= 0 and < Count;

    public static bool IsCanary(int bucket, int canaryWeight) => bucket < canaryWeight;
}
