"""The CVR register (Det Centrale Virksomhedsregister): numbers, the client and the parser."""
