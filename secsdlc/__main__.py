from secsdlc.cli import console_main

console_main()
