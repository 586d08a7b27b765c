using System.Text;
using YarnDL.Hadoop.Wire;

namespace YarnDL.UnitTests.Hadoop;

public sealed class Utf8InternerTests
{
    [Fact]
    public void Equal_bytes_give_the_same_string_instance()
    {
        var strings = new Utf8Interner(16);

        var first = strings.Get("nm-17.example.com"u8);
        var again = strings.Get(Encoding.UTF8.GetBytes("nm-17.example.com"));

        Assert.Equal("nm-17.example.com", first);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_full_cache_evicts_and_still_gives_the_right_strings()
    {
        var strings = new Utf8Interner(1); // every key fights for the one slot
        for (var i = 0; i < 100; i++)
        {
            var text = $"host-{i % 7}";
            Assert.Equal(text, strings.Get(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void Long_keys_are_decoded_but_not_kept()
    {
        var strings = new Utf8Interner(16);
        var text = new string('h', Utf8Interner.MaxKeyBytes + 1);

        var first = strings.Get(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, first);
        Assert.NotSame(first, strings.Get(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_factory_makes_the_value_of_a_key_once()
    {
        var strings = new Utf8Interner(16);
        var first = strings.Get([1, 2], static key => $"made of {key.Length} bytes");

        Assert.Equal("made of 2 bytes", first);
        Assert.Same(first, strings.Get([1, 2], static _ => "made again"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void The_capacity_is_a_power_of_two(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Utf8Interner(capacity));
}
