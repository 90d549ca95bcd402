# 2025-06-02 09:14:51 by RouterOS 7.15.3
# software id = 8KQ2-ZT4M
#
# model = RB750Gr3
/interface bridge
add name=bridge-lan
/interface wireguard
add listen-port=13231 mtu=1420 name=wg-huyen
/interface list
add name=WAN
add name=LAN
/interface bridge port
add bridge=bridge-lan interface=ether2
add bridge=bridge-lan interface=ether3
/interface list member
add interface=ether1 list=WAN
add interface=bridge-lan list=LAN
/ip address
add address=10.20.1.1/24 interface=bridge-lan network=10.20.1.0
add address=203.0.113.18/29 interface=ether1 network=203.0.113.16
/ip dns
set allow-remote-requests=yes servers=203.113.131.1,8.8.8.8
/ip firewall filter
add action=accept chain=input connection-state=established,related
add action=drop chain=input comment="chan winbox tu ngoai" dst-port=8291 in-interface-list=WAN protocol=tcp
add action=drop chain=input dst-port=21-23,80,8728,8729 in-interface-list=WAN protocol=tcp
add action=drop chain=input in-interface-list=WAN protocol=icmp
/ip firewall nat
add action=masquerade chain=srcnat out-interface-list=WAN
/ip route
add dst-address=0.0.0.0/0 gateway=203.0.113.17
/ip service
set telnet disabled=yes
set ftp disabled=yes
set www disabled=yes
set api disabled=yes
set api-ssl disabled=yes
/system identity
set name=UBND-Phuong-An-Lac
