# 2024-11-20 16:30:00 by RouterOS 7.12.1
# software id = VP00-VP11
#
# model = hEX S
/interface list
add name=WAN
add name=LAN
/interface list member
add interface=ether1 list=WAN
add interface=ether2 list=LAN
add interface=ether3 list=LAN
/ip address
add address=10.80.10.1/24 interface=ether2 network=10.80.10.0
add address=10.80.20.1/24 comment=camera interface=ether3 network=10.80.20.0
add address=10.80.40.1/24 comment="wifi khach" interface=ether4 network=10.80.40.0
/ip dhcp-client
add interface=ether1
/ip dns
set allow-remote-requests=yes
/ip firewall filter
add action=accept chain=input connection-state=established,related
add action=accept chain=input protocol=icmp
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward comment="khach khong vao camera" in-interface=ether4 out-interface=ether3
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
add action=dst-nat chain=dstnat comment="xem camera tu xa" dst-port=8080 in-interface-list=WAN protocol=tcp to-addresses=10.80.20.5 to-ports=80
add action=dst-nat chain=dstnat comment="may chu mot cua" dst-port=443 in-interface-list=WAN protocol=tcp to-addresses=10.80.10.10 to-ports=443
/ip service
set www-ssl disabled=no
/snmp community
set [ find default=yes ] addresses=0.0.0.0/0 name=public
/snmp
set enabled=yes
/system identity
set name=VinhPhu-RT
