"""Chat commands. Each takes (ctx, arg) where arg is the text after the command word."""

import ast
import asyncio
import logging
import operator
import random
import re
from collections import deque
from typing import Callable, Dict

import aiohttp

from . import storage
from .context import Context

log = logging.getLogger("guildbot.commands")

COMMANDS: Dict[str, Callable] = {}
RECENT: deque = deque(maxlen=500)
ANSWERS = ["It is certain.", "Ask again later.", "Very doubtful.", "Signs point to yes.", "Cannot predict now."]
_ARITH = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div,
          ast.FloorDiv, ast.Mod, ast.USub, ast.UAdd)


def command(name: str):
    def deco(fn):
        COMMANDS[name] = fn
        return fn
    return deco


@command("calc")
def cmd_calc(ctx: Context, arg: str) -> None:
    try:
        value = eval(arg, {"__builtins__": {}}, {})
    except Exception as exc:
        ctx.reply(f"can't work that out: {exc}")
        return
    ctx.reply(f"{arg} = {value}")


@command("math")
def cmd_math(ctx: Context, arg: str) -> None:
    try:
        tree = ast.parse(arg, mode="eval")
    except SyntaxError:
        ctx.reply("that doesn't parse")
        return
    if not all(isinstance(node, _ARITH) for node in ast.walk(tree)):
        ctx.reply("numbers and + - * / % only")
        return
    if any(isinstance(n, ast.Constant) and not isinstance(n.value, (int, float)) for n in ast.walk(tree)):
        ctx.reply("numbers only")
        return
    value = eval(compile(tree, "<math>", "eval"), {"__builtins__": {}}, {})
    ctx.reply(f"{arg} = {value}")


@command("roll")
def cmd_roll(ctx: Context, arg: str) -> None:
    m = re.match(r"\s*(\d{1,2})d(\d{1,3})(.*)", arg)
    if not m:
        ctx.reply("usage: !roll 2d6+1")
        return
    count, sides, modifier = int(m.group(1)), int(m.group(2)), m.group(3).strip()
    rolls = [random.randint(1, sides) for _ in range(count)]
    total = eval(f"{sum(rolls)}{modifier}") if modifier else sum(rolls)
    ctx.reply(f"{ctx.author} rolled {rolls} -> {total}")


@command("dice")
def cmd_dice(ctx: Context, arg: str) -> None:
    m = re.fullmatch(r"\s*(\d{1,2})d(\d{1,3})([+-]\d{1,3})?\s*", arg)
    if not m:
        ctx.reply("usage: !dice 2d6+1")
        return
    count, sides, modifier = int(m.group(1)), int(m.group(2)), m.group(3) or ""
    rolls = [random.randint(1, sides) for _ in range(count)]
    total = eval(f"{sum(rolls)}{modifier}") if modifier else sum(rolls)
    ctx.reply(f"{ctx.author} rolled {rolls} -> {total}")


@command("8ball")
def cmd_8ball(ctx: Context, arg: str) -> None:
    ctx.reply(f"{ctx.author} asked: {arg[:100]} - {random.choice(ANSWERS)}")


@command("linkcode")
def cmd_linkcode(ctx: Context, arg: str) -> None:
    """DMs a one-time code that links a chat account to the web admin."""
    code = str(random.randint(100000, 999999))
    settings = storage.decode_settings(storage.load_blob(ctx.guild_id))
    settings.setdefault("link_codes", {})[ctx.author] = code
    storage.save(ctx.guild_id, settings)
    ctx.extra["dm"] = f"Your admin link code is {code} (valid 10 minutes)"
    ctx.reply("check your DMs")


@command("settings")
def cmd_settings(ctx: Context, arg: str) -> None:
    settings = storage.decode_settings(storage.load_blob(ctx.guild_id))
    key = arg.strip()
    if key:
        ctx.reply(f"{key} = {settings.get(key)!r}")
    else:
        ctx.reply(", ".join(sorted(settings)))


@command("restore")
def cmd_restore(ctx: Context, arg: str) -> None:
    if not ctx.attachments:
        ctx.reply("attach a settings backup")
        return
    settings = storage.decode_settings(ctx.attachments[0].content)
    storage.save(ctx.guild_id, settings)
    ctx.reply(f"restored {len(settings)} settings")


@command("grep")
def cmd_grep(ctx: Context, arg: str) -> None:
    hits = [m for m in RECENT if re.search(arg, m)]
    ctx.reply("\n".join(hits[-10:]) or "nothing")


@command("find")
def cmd_find(ctx: Context, arg: str) -> None:
    needle = re.compile(re.escape(arg.strip()), re.IGNORECASE)
    hits = [m for m in RECENT if needle.search(m)]
    ctx.reply("\n".join(hits[-10:]) or "nothing")


@command("report")
def cmd_report(ctx: Context, arg: str) -> None:
    log.warning("report in guild %d: %s", ctx.guild_id, arg)
    ctx.reply("thanks, a moderator will look at it")


@command("flag")
def cmd_flag(ctx: Context, arg: str) -> None:
    reason = " ".join(arg.split())[:300]
    log.warning("flag in guild %d: %s", ctx.guild_id, reason)
    ctx.reply("thanks, flagged")


async def _sh(cmdline: str) -> str:
    proc = await asyncio.create_subprocess_shell(cmdline, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await proc.communicate()
    return out.decode(errors="replace")


@command("whois")
async def cmd_whois(ctx: Context, arg: str) -> None:
    domain = arg.strip().split(" ")[0]
    out = await _sh(f"whois {domain} | head -n 40")
    ctx.reply(f"```{out}```")


@command("dig")
async def cmd_dig(ctx: Context, arg: str) -> None:
    domain = arg.strip().split(" ")[0]
    proc = await asyncio.create_subprocess_exec("dig", "+short", "--", domain, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    ctx.reply(f"```{out.decode(errors='replace')[:1500]}```")


@command("preview")
async def cmd_preview(ctx: Context, arg: str) -> None:
    url = arg.strip()
    async with aiohttp.ClientSession() as http:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=8)) as resp:
            text = await resp.text()
    m = re.search(r"<title>(.*?)</title>", text, re.S | re.I)
    ctx.reply(m.group(1).strip() if m else "no title")


@command("xkcd")
async def cmd_xkcd(ctx: Context, arg: str) -> None:
    try:
        num = int(arg.strip() or "0")
    except ValueError:
        ctx.reply("usage: !xkcd 327")
        return
    url = f"https://xkcd.com/{num}/info.0.json" if num else "https://xkcd.com/info.0.json"
    async with aiohttp.ClientSession() as http:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=8)) as resp:
            data = await resp.json()
    ctx.reply(f"{data['title']}: {data['img']}")
