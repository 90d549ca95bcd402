"""Live evidence: probes sent from inside a zone (``netaudit probe``), nmap XML imported,
and their merge with the static verdicts (docs/live.md).

What a live result can prove is narrow and one-sided: an answer proves that packets of that
service reach that address from the vantage point; silence proves nothing (a host that is
off, a rate limit, a lost packet); an ICMP "administratively prohibited" names the hop that
refused that one probe.  A live result never turns a cell into "blocked".
"""
