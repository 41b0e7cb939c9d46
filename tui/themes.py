"""The dashboard's three looks: the default, a light one, and high contrast for projectors."""

from textual.theme import Theme

DARK = Theme(
    name="staffdeck",
    primary="#5FA8D3",
    secondary="#7D8CC4",
    accent="#F2C14E",
    warning="#F2A541",
    error="#E5484D",
    success="#46A758",
    foreground="#E6E8EB",
    background="#15181C",
    surface="#1C2026",
    panel="#262B33",
    dark=True,
)
LIGHT = Theme(
    name="staffdeck-light",
    primary="#1F5F8B",
    secondary="#4A5899",
    accent="#8A5A00",
    warning="#9A5B00",
    error="#B4232A",
    success="#1E7B34",
    foreground="#1B1F24",
    background="#F7F7F5",
    surface="#FFFFFF",
    panel="#E6E8EB",
    dark=False,
)
# Pure black and white with saturated signals: survives washed-out projectors.
HIGH_CONTRAST = Theme(
    name="staffdeck-high-contrast",
    primary="#FFFFFF",
    secondary="#FFFF00",
    accent="#00FFFF",
    warning="#FFFF00",
    error="#FF3030",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
)
THEMES = {"default": DARK, "light": LIGHT, "high-contrast": HIGH_CONTRAST}
