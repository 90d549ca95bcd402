# 2025-03-02 08:00:00 by RouterOS 7.15.3
# software id = QW12-ER34
#
# model = RB5009UG+S+
/interface bridge
add name=br-lan vlan-filtering=yes
/interface vlan
add interface=br-lan name=vlan10-canbo vlan-id=10
add interface=br-lan name=vlan40-khach vlan-id=40
add interface=br-lan name=vlan99-qt vlan-id=99
/interface list
add name=WAN
add name=LAN
/ip pool
add name=p10 ranges=10.60.10.100-10.60.10.250
add name=p40 ranges=10.60.40.10-10.60.40.250
/ip dhcp-server
add address-pool=p10 interface=vlan10-canbo name=d10
add address-pool=p40 interface=vlan40-khach name=d40
/interface bridge port
add bridge=br-lan interface=ether2 pvid=10
add bridge=br-lan interface=ether3 pvid=10
add bridge=br-lan interface=ether4 pvid=40
add bridge=br-lan interface=ether8 pvid=99
/interface bridge vlan
add bridge=br-lan tagged=br-lan untagged=ether2,ether3 vlan-ids=10
add bridge=br-lan tagged=br-lan untagged=ether4 vlan-ids=40
add bridge=br-lan tagged=br-lan untagged=ether8 vlan-ids=99
/interface list member
add interface=ether1 list=WAN
add interface=vlan10-canbo list=LAN
add interface=vlan40-khach list=LAN
add interface=vlan99-qt list=LAN
add interface=ether5 list=LAN
/ip address
add address=113.160.20.6/30 interface=ether1 network=113.160.20.4
add address=10.60.10.1/24 interface=vlan10-canbo network=10.60.10.0
add address=10.60.40.1/24 interface=vlan40-khach network=10.60.40.0
add address=10.60.99.1/24 interface=vlan99-qt network=10.60.99.0
add address=10.250.12.2/30 comment="TSLCD - mang truyen so lieu chuyen dung" interface=ether5 network=10.250.12.0
/ip dhcp-server network
add address=10.60.10.0/24 dns-server=10.60.10.1 gateway=10.60.10.1
add address=10.60.40.0/24 dns-server=10.60.40.1 gateway=10.60.40.1
/ip dns
set allow-remote-requests=yes servers=203.162.4.191
/ip firewall filter
add action=accept chain=input connection-state=established,related
add action=accept chain=input in-interface-list=LAN
add action=drop chain=input
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward connection-state=invalid
add action=accept chain=forward comment="LAN ra Internet" in-interface-list=LAN out-interface-list=WAN
add action=accept chain=forward comment="Can bo vao TSLCD" in-interface=vlan10-canbo out-interface=ether5
add action=accept chain=forward comment="noi bo" in-interface-list=LAN out-interface-list=LAN
add action=drop chain=forward
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
/ip route
add dst-address=0.0.0.0/0 gateway=113.160.20.5
add comment="Mang TSLCD tinh" dst-address=10.160.0.0/16 gateway=10.250.12.1
/ip service
set telnet disabled=yes
set ftp disabled=yes
set www disabled=yes
set api disabled=yes
/snmp
set enabled=yes
/snmp community
set [ find default=yes ] name=AnLac-snmp-2025
/system identity
set name=UBND-AnLac
