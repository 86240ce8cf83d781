def setup(bot):
    bot.log.info("dice plugin ready")
