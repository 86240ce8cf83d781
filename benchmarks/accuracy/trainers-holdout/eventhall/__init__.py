"""Event hall: an aiohttp ticketing app used in the secure coding lab."""
